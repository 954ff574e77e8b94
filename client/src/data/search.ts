/** A search result as the search box lists it (shaped from the API's `search`). */
export interface SearchHit {
  id: string;
  kind: "event" | "actor" | "location" | "claim";
  label: string;
  labelAr: string | null;
  detail: string;
  score: number;
}
