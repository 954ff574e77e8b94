import { graphql } from "./api.ts";

export interface TimelineEvent {
  id: string;
  type: string;
  title: string;
  start: Date;
  end: Date;
  precision: string;
  edtf: string | null;
  actors: { id: string; name: string; nameAr: string | null; kind: string; role: string | null }[];
  locations: { id: string; name: string }[];
}

const query = `query Events($from: String, $to: String) {
  events(from: $from, to: $to, first: 1000) {
    id type title start end precision edtf
    actors { id name nameAr kind role }
    locations { id name }
  }
}`;

/** Fetches events and parses their dates once, so views never parse strings. */
export async function loadEvents(from?: string, to?: string): Promise<TimelineEvent[]> {
  const data = await graphql<{ events: (Omit<TimelineEvent, "start" | "end"> & { start: string; end: string })[] }>(
    query,
    { from, to },
  );
  return data.events
    .filter((e) => e.start && e.end)
    .map((e) => ({ ...e, start: new Date(e.start), end: new Date(e.end) }));
}
