/** The client's shapes, made once in client/src/data from the API's answers. */

export interface ActorRef {
  id: string;
  name: string;
  nameAr: string | null;
  kind: string;
  /** Role in an event (INITIATOR, TARGET, …) when the actor is seen through one. */
  role?: string | null;
}

export interface LocationRef {
  id: string;
  name: string;
  nameAr: string | null;
  kind: string;
  latitude: number | null;
  longitude: number | null;
}

/** A character span [start, end) of an article's text. */
export interface Evidence {
  articleId: string;
  articleTitle: string;
  start: number;
  end: number;
  quote: string;
}

export interface Claim {
  id: string;
  text: string;
  gloss: string | null;
  certainty: string;
  statedAt: Date | null;
  claimant: ActorRef | null;
  /** "ar" or "en", from the text itself when the API does not say. */
  language: string;
  /** Ids of the claims this one supports or disputes, when the API gives them. */
  supports: string[];
  disputes: string[];
  /** Ids of the claims that support or dispute this one. */
  supportedBy: string[];
  disputedBy: string[];
  evidence: Evidence[];
}

export interface Event {
  id: string;
  type: string;
  title: string;
  summary: string | null;
  /** Earliest and latest instants; open ends are clamped and flagged. */
  start: Date;
  end: Date;
  startOpen: boolean;
  endOpen: boolean;
  precision: string;
  edtf: string | null;
  confidence: number | null;
  /** Distinct sources among the event's reports (syndicated copies count once); 1 when the API does not say. */
  independentSources: number;
  actors: ActorRef[];
  locations: LocationRef[];
  claims: Claim[];
  evidence: Evidence[];
}

export interface Article {
  id: string;
  title: string;
  publisher: string | null;
  language: string | null;
  publishedAt: Date | null;
  url: string | null;
  /** The full text, when the API exposes it; evidence offsets index into it. */
  text: string | null;
}

export interface Dataset {
  events: Event[];
  claims: Claim[];
  articles: Article[];
}

export type NodeKind = "event" | "actor" | "location" | "claim";

export interface GraphNode {
  id: string;
  kind: NodeKind;
  label: string;
  /** Arabic label when known. */
  labelAr: string | null;
  /** The finer kind: event type, actor kind, location kind, claim certainty. */
  subtype: string;
  /** Events behind the node in the current window (sizes it). */
  weight: number;
}

export interface GraphLink {
  source: string;
  target: string;
  /** Relationship type or role (INITIATOR, OCCURRED_IN, MADE, ABOUT, CO_PARTICIPATION, …). */
  kind: string;
  weight: number;
}

export interface GraphData {
  nodes: GraphNode[];
  links: GraphLink[];
}

/** A claim (when stated) or an article (when published), drawn on its own timeline row. */
export interface TimelineMark {
  id: string;
  kind: "claim" | "article";
  date: Date;
  label: string;
  detail: string;
}
