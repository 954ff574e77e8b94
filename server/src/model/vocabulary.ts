/**
 * Rasd's vocabulary: every name the graph, the article bundle, the GraphQL API
 * and the views share. It is written here once; the JSON Schema's enums,
 * schema/event-types.json and schema/schema.graphql are generated from it
 * (`npm run schema:print`), the TypeScript unions below are derived from it,
 * and server/test/model/vocabulary.test.ts proves every copy agrees.
 *
 * Pure data and no imports: the client bundles this file too.
 */

export const LANGUAGES = ["ar", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Node labels. Articles are provenance; the other four are what articles tell of. */
export const ENTITY_LABELS = ["Actor", "Location", "Event", "Claim"] as const;
export type EntityLabel = (typeof ENTITY_LABELS)[number];
export const NODE_LABELS = ["Event", "Actor", "Location", "Claim", "Article"] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

export const ACTOR_KINDS = [
  "PERSON",
  "ARMED_GROUP",
  "GOVERNMENT",
  "STATE",
  "MILITARY",
  "COALITION",
  "ORGANIZATION",
  "POLITICAL_GROUP",
  "MEDIA",
  "ANONYMOUS_SOURCE",
  "GROUP",
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const LOCATION_KINDS = ["COUNTRY", "REGION", "PROVINCE", "CITY", "FACILITY", "MILITARY_BASE", "AREA"] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];
/** Place kinds too broad to place an incident: being in the same one is weak evidence of one event, never a merge. */
export const BROAD_PLACE_KINDS = ["COUNTRY", "REGION", "PROVINCE"] as const satisfies readonly LocationKind[];
/** Two specific places closer than this are "nearby" for event resolution (one town and its outskirts). */
export const NEARBY_KM = 25;

/** How precisely a date is known; start/end always span the whole uncertainty. */
export const PRECISIONS = ["HOUR", "DAY", "MONTH", "YEAR", "RANGE", "APPROXIMATE", "UNKNOWN"] as const;
export type DatePrecision = (typeof PRECISIONS)[number];

/** An actor's part in an event (the PARTICIPATED_IN tie's `role`). */
export const ROLES = ["INITIATOR", "TARGET", "PARTICIPANT", "MEDIATOR", "AFFECTED"] as const;
export type Role = (typeof ROLES)[number];

/** How a claim is put: stated, hedged (reportedly, may) or denied. */
export const CERTAINTIES = ["ASSERTED", "HEDGED", "DENIED"] as const;
export type Certainty = (typeof CERTAINTIES)[number];

// ---- Relationship types -------------------------------------------------

/** Stated ties between two actors (a bundle's relations between actors). */
export const ANALYTIC_TIES = ["AFFILIATED_WITH", "ALLIED_WITH", "OPPOSES", "LEADS"] as const;
export type AnalyticTie = (typeof ANALYTIC_TIES)[number];

/** Links between claims, from a bundle or an editor. */
export const CLAIM_LINKS = ["SUPPORTS", "DISPUTES"] as const;
export type ClaimLink = (typeof CLAIM_LINKS)[number];

export const isClaimLink = (t: string): t is ClaimLink => (CLAIM_LINKS as readonly string[]).includes(t);

/** The relation types an article bundle may state. */
export const BUNDLE_RELATIONS = [...ANALYTIC_TIES, ...CLAIM_LINKS] as const;
export type BundleRelationType = (typeof BUNDLE_RELATIONS)[number];

/** Ties read from events, claims and places (who took part, where, who said what about what). */
export const STRUCTURAL_TIES = ["PARTICIPATED_IN", "OCCURRED_IN", "MADE", "ABOUT", "TOLD_TO", "WITHIN"] as const;

/** Article → node: where each node was read (their spans are the evidence). */
export const PROVENANCE_EDGES = ["MENTIONS", "REPORTS", "CONTAINS"] as const;
export type ProvenanceEdge = (typeof PROVENANCE_EDGES)[number];

/** Which provenance edge ties an article to each kind of entity it tells of. */
export const PROVENANCE_OF: Record<EntityLabel, ProvenanceEdge> = {
  Event: "REPORTS",
  Actor: "MENTIONS",
  Location: "MENTIONS",
  Claim: "CONTAINS",
};

/** Every tie between entities (no articles), the order the API lists them in. */
export const ENTITY_RELATIONS = [
  "PARTICIPATED_IN",
  "OCCURRED_IN",
  "MADE",
  "ABOUT",
  "TOLD_TO",
  ...CLAIM_LINKS,
  ...ANALYTIC_TIES,
  "WITHIN",
] as const satisfies readonly ((typeof STRUCTURAL_TIES)[number] | ClaimLink | AnalyticTie)[];
export type EntityRelation = (typeof ENTITY_RELATIONS)[number];

/** Every relationship type in the graph: the allow-list any Cypher relationship type comes from. */
export const GRAPH_RELATIONS = [...ENTITY_RELATIONS, ...PROVENANCE_EDGES] as const;
export type GraphRelation = (typeof GRAPH_RELATIONS)[number];

/** A Cypher relationship-type alternation ("A|B|C") from allow-listed names only. */
export function relationPattern(types: readonly string[]): string {
  const bad = types.filter((t) => !(GRAPH_RELATIONS as readonly string[]).includes(t));
  if (bad.length || types.length === 0) throw new Error(`invalid relationship types: ${bad.join(", ") || "none"}`);
  return types.join("|");
}

/** The same names as a Cypher list literal (['A', 'B']), for `type(r) IN …`. */
export const relationList = (types: readonly string[]): string =>
  `[${relationPattern(types)
    .split("|")
    .map((t) => `'${t}'`)
    .join(", ")}]`;

// ---- Event types ---------------------------------------------------------

/** Event families: one colour each in the views, and the extractor treats the violent ones alike. */
export const EVENT_FAMILIES = {
  violence: "Violence",
  threats: "Threats",
  truces: "Truces and agreements",
  talks: "Talks",
  decisions: "Decisions",
  movements: "Troop movements",
  civil: "Civil",
  other: "Other",
} as const;
export type EventFamily = keyof typeof EVENT_FAMILIES;

export interface EventTypeInfo {
  label: string;
  labelAr: string;
  /** Closest CAMEO root/sub code (GDELT), "" when none fits. */
  cameo: string;
  /** ACLED "event type / sub-event type", "" when none fits. */
  acled: string;
  family: EventFamily;
}

/** The event taxonomy with its CAMEO and ACLED crosswalk, in the order lists show it. */
export const EVENT_TYPES = {
  ATTACK: { label: "Attack", labelAr: "هجوم", cameo: "19", acled: "Battles / Armed clash", family: "violence" },
  AIRSTRIKE: {
    label: "Air or drone strike",
    labelAr: "ضربة جوية",
    cameo: "195",
    acled: "Explosions/Remote violence / Air/drone strike",
    family: "violence",
  },
  SHELLING: {
    label: "Shelling, artillery or missile attack",
    labelAr: "قصف",
    cameo: "194",
    acled: "Explosions/Remote violence / Shelling/artillery/missile attack",
    family: "violence",
  },
  ARMED_CLASH: {
    label: "Armed clash",
    labelAr: "اشتباك مسلح",
    cameo: "190",
    acled: "Battles / Armed clash",
    family: "violence",
  },
  THREAT: {
    label: "Threat",
    labelAr: "تهديد",
    cameo: "13",
    acled: "Strategic developments / Other",
    family: "threats",
  },
  CEASEFIRE: {
    label: "Truce or ceasefire",
    labelAr: "هدنة",
    cameo: "0871",
    acled: "Strategic developments / Agreement",
    family: "truces",
  },
  CEASEFIRE_END: {
    label: "End or breach of a truce",
    labelAr: "إنهاء الهدنة",
    cameo: "1721",
    acled: "Strategic developments / Change to group/activity",
    family: "threats",
  },
  NEGOTIATION: {
    label: "Negotiation",
    labelAr: "مفاوضات",
    cameo: "046",
    acled: "Strategic developments / Agreement",
    family: "talks",
  },
  MEETING: {
    label: "Meeting",
    labelAr: "اجتماع",
    cameo: "040",
    acled: "Strategic developments / Other",
    family: "talks",
  },
  MEDIATION: {
    label: "Mediation",
    labelAr: "وساطة",
    cameo: "045",
    acled: "Strategic developments / Other",
    family: "talks",
  },
  ANNOUNCEMENT: {
    label: "Announcement",
    labelAr: "إعلان",
    cameo: "010",
    acled: "Strategic developments / Other",
    family: "decisions",
  },
  POSTPONEMENT: {
    label: "Postponement",
    labelAr: "تأجيل",
    cameo: "0311",
    acled: "Strategic developments / Other",
    family: "decisions",
  },
  AGREEMENT: {
    label: "Agreement",
    labelAr: "اتفاق",
    cameo: "057",
    acled: "Strategic developments / Agreement",
    family: "truces",
  },
  WITHDRAWAL: {
    label: "Withdrawal of forces",
    labelAr: "انسحاب",
    cameo: "0874",
    acled: "Strategic developments / Non-violent transfer of territory",
    family: "movements",
  },
  DEPLOYMENT: {
    label: "Deployment or reinforcement",
    labelAr: "تعزيز قوات",
    cameo: "152",
    acled: "Strategic developments / Other",
    family: "movements",
  },
  PROTEST: { label: "Protest", labelAr: "احتجاج", cameo: "14", acled: "Protests / Peaceful protest", family: "civil" },
  ARREST: {
    label: "Arrest",
    labelAr: "اعتقال",
    cameo: "173",
    acled: "Strategic developments / Arrests",
    family: "civil",
  },
  OTHER: { label: "Other", labelAr: "أخرى", cameo: "", acled: "", family: "other" },
} as const satisfies Record<string, EventTypeInfo>;
export type EventType = keyof typeof EVENT_TYPES;
export const EVENT_TYPE_NAMES = Object.keys(EVENT_TYPES) as EventType[];

export const isEventType = (t: string): t is EventType => Object.hasOwn(EVENT_TYPES, t);

/** The English name of a type, as the timeline's lanes and the legend both show it. */
export const eventTypeLabel = (type: string): string => (isEventType(type) ? EVENT_TYPES[type].label : type);

/** The event types of one family, in taxonomy order. */
export const eventTypesOf = (family: EventFamily): EventType[] =>
  EVENT_TYPE_NAMES.filter((t) => EVENT_TYPES[t].family === family);

/** The type an unspecified attack gets, refined to a specific violent type when the text names one. */
export const GENERIC_VIOLENCE: EventType = "ATTACK";

// ---- One event, many sources ---------------------------------------------
// (Article)-[:REPORTS {originalId, type, title, start, end, precision, edtf, starts, ends, facts, resolvedBy, score}]->(Event):
//   one article's telling of an event (an event has one REPORTS per article that tells it).
// (Event)-[:POSSIBLY_SAME_AS {score, reasons, at, status}]->(Event): a candidate duplicate for review.
// (Article)-[:SYNDICATES {similarity, at}]->(Article): a near-duplicate copy of an article stored earlier.
// (:MergeRecord {id, at, by, byKind, reason, score, reasons, events, articles, undoneAt})-[:MERGED_INTO]->(Event)
// (:AuditEntry {id, at, who, action, target, before, after}): one per editing mutation.
// Article.sourceKey is the independent source an article counts as; Article.minhash/minhashBands its
// syndication fingerprint; Event.independentSources/reportCount/firstReportedAt/lastReportedAt/dateConflict
// are kept on write (server/src/resolve/).

/** Ties that event resolution adds; not entity relations, so views and exports of the graph leave them out. */
export const RESOLUTION_EDGES = ["POSSIBLY_SAME_AS", "SYNDICATES", "MERGED_INTO"] as const;
export type ResolutionEdge = (typeof RESOLUTION_EDGES)[number];
export const [POSSIBLY_SAME_AS, SYNDICATES, MERGED_INTO] = RESOLUTION_EDGES;

/** Bookkeeping nodes of resolution and editing (not entities: never listed, searched or exported as such). */
export const MERGE_RECORD = "MergeRecord";
export const AUDIT_ENTRY = "AuditEntry";
/** (:DuplicateDismissal {id, pair, a, b, label, at, who}): two actors or places an analyst said are not one. */
export const DUPLICATE_DISMISSAL = "DuplicateDismissal";

/**
 * Derived nodes: the timeline aggregates (counts per day and type, undated events, the span
 * histogram), the lookup of merged-away ids (cypher/merged-ids.ts) and the markers of one-time migrations. Recomputed from the graph, so backups
 * and snapshots leave them out and an import rebuilds them.
 */
/**
 * The timeline's running counts per UTC year (cypher/timeline-counts.ts): `(:TimelineYear {year, ATTACK: [...]})`,
 * each type a list of YEAR_SLOTS counts where index i holds the events on the year's first i days, so the last
 * index is the year's total and the days [a, b) of the year hold list[b] − list[a].
 */
export const TIMELINE_YEAR = "TimelineYear";
export const YEAR_SLOTS = 367;
/** The same per UTC year for events that run across midnights: +1 on the start day, −1 on the end day. */
export const TIMELINE_CARRY = "TimelineCarry";

export const DERIVED_LABELS: readonly string[] = [
  "TimelineDay",
  TIMELINE_YEAR,
  TIMELINE_CARRY,
  "TimelineUndated",
  "TimelineSpans",
  "SchemaMark",
  "MergedId",
];
/** A WHERE condition: node variable `v` is not a derived node. */
export const notDerived = (v: string) => DERIVED_LABELS.map((l) => `NOT ${v}:${l}`).join(" AND ");

/** (:MergedId {id, into}): an actor or place id merged away, and the node it lives on in (cypher/merged-ids.ts). */
export const MERGED_ID = "MergedId";

/** Who decided a merge. */
export const MERGE_AUTHORS = ["EXTRACTOR", "ANALYST"] as const;
export type MergeAuthor = (typeof MERGE_AUTHORS)[number];

/** A candidate duplicate is open until an analyst merges or rejects it. */
export const CANDIDATE_STATUSES = ["OPEN", "REJECTED"] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

/** Numeric facts read from reports, each a count with its unit. */
export const FACT_KINDS = ["KILLED", "INJURED", "MISSILES", "DRONES"] as const;
export type FactKind = (typeof FACT_KINDS)[number];
export const FACT_UNITS: Record<FactKind, string> = {
  KILLED: "people",
  INJURED: "people",
  MISSILES: "missiles",
  DRONES: "drones",
};

/**
 * Whether two reported types can be one incident: any two violent types (one
 * outlet's "shelling" is another's "attack"); otherwise only the same type
 * (a truce and its end, a deployment and a withdrawal, are never one event).
 */
export const sameIncidentTypes = (a: string, b: string): boolean => incidentKeyOf(a) === incidentKeyOf(b);

/** The family whose types can all be one incident. */
const ONE_INCIDENT_FAMILY: EventFamily = "violence";

/**
 * What {@link sameIncidentTypes} compares: two types can be one incident
 * exactly when their keys are equal (a violent type's is its family's, any
 * other's its own). The candidate search on ingest seeks stored events by it
 * (cypher/tie-keys.ts), so one seek covers every compatible type.
 */
export const incidentKeyOf = (type: string): string =>
  isEventType(type) && EVENT_TYPES[type].family === ONE_INCIDENT_FAMILY ? `family:${ONE_INCIDENT_FAMILY}` : type;

/** The types whose incident key is a family's (every other type's key is itself): cypher/tie-keys.ts derives the key in Cypher from these. */
export const familyIncidentTypes = (): { types: EventType[]; key: string } => ({
  types: eventTypesOf(ONE_INCIDENT_FAMILY),
  key: `family:${ONE_INCIDENT_FAMILY}`,
});

// ---- Provenance, audit and analyst edits ---------------------------------
// Every node and tie an ingest or an edit asserts carries
//   assertedBy (one of ASSERTERS), asserter (the extractor's version, the analyst's key name, the importing tool)
//   and assertedAt (datetime).
// `lockedFields` on a node lists properties an analyst set: re-ingest and resolution never overwrite them.
// `retracted` on an event or a claim lists ties an analyst removed (see retractionKey): re-ingest never re-adds them.

/** Who asserted a fact: the extractor, an analyst (editor key) or an import of someone else's bundle or backup. */
export const ASSERTERS = ["EXTRACTOR", "ANALYST", "IMPORT"] as const;
export type Asserter = (typeof ASSERTERS)[number];

/**
 * What one item of a bundle may say about who asserted it (`assertedBy` on an
 * actor, place, event, participant, claim or relation; `locationsAssertedBy`
 * for an event's places): only ANALYST, set by the ingest review for what the
 * analyst changed or created, and accepted only from an editor key, whose name
 * becomes the asserter. Everything else in a bundle is its producer's.
 */
export const ITEM_ASSERTERS = ["ANALYST"] as const satisfies readonly Asserter[];
export type ItemAsserter = (typeof ITEM_ASSERTERS)[number];

/** The producer name the built-in extractor writes into its bundles. */
export const EXTRACTOR_PRODUCER = "rasd-extract";

/**
 * The key a removed tie is remembered by on its event or claim:
 * "PARTICIPATED_IN|actor:x|INITIATOR", "OCCURRED_IN|location:y", "MADE|actor:z", "ABOUT|event:w".
 */
export const retractionKey = (
  type: "PARTICIPATED_IN" | "OCCURRED_IN" | "MADE" | "ABOUT",
  other: string,
  role?: string,
) => (role ? `${type}|${other}|${role}` : `${type}|${other}`);

/** What an audit entry records; ingest and deletes are logged but undone by other means (delete, re-ingest). */
export const AUDIT_ACTIONS = [
  "ingest",
  "deleteArticle",
  "mergeEntities",
  "splitEntity",
  "updateEvent",
  "setEventDate",
  "setRole",
  "addParticipant",
  "removeParticipant",
  "addEventPlace",
  "removeEventPlace",
  "updateClaim",
  "updateEntity",
  "linkClaims",
  "mergeEvents",
  "splitEvent",
  "rejectCandidate",
  "undo",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** A Wikidata item id. */
export const WIKIDATA_ID = /^Q[1-9]\d{0,11}$/;
