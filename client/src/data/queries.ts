/**
 * Every GraphQL operation the client sends, in one place so they follow the
 * schema (schema/schema.graphql) as it evolves. Each is written with the
 * `graphql` tag (graphql.ts): TypeScript checks it against the schema and
 * infers its result and variables (`ResultOf<typeof q>`), so no answer type is
 * written by hand; client/test/operations-match-schema.test.ts validates each
 * one with graphql-js as well. Shared field lists are fragments.
 */
import { graphql } from "./graphql.ts";

export const ActorFields = graphql(`fragment ActorFields on Actor { id name nameAr kind }`);
export const LocationFields = graphql(`fragment LocationFields on Location { id name nameAr kind latitude longitude }`);
export const EvidenceFields = graphql(`fragment EvidenceFields on Evidence { articleId articleTitle start end quote }`);
export const ArticleFields = graphql(
  `fragment ArticleFields on Article { id title publisher language publishedAt url }`,
);

/**
 * What the timeline draws for an event: its marks, lanes, tooltips, the claims
 * and articles on their rows, and how many independent sources back it — not
 * the evidence quotes (read from the articles' texts), which the evidence
 * panel and the window's events bring.
 */
export const TimelineEventFields = graphql(
  `fragment TimelineEventFields on Event {
    id type title summary start end precision edtf confidence independentSources
    actors(first: 10) { id name nameAr kind role }
    locations(first: 5) { ...LocationFields }
    claims(first: 5) { id text gloss certainty statedAt language claimant { ...ActorFields } }
    articles(first: 3) { ...ArticleFields }
  }`,
  [ActorFields, LocationFields, ArticleFields],
);

/**
 * What the timeline, graph and map draw for an event: the timeline's fields
 * and the evidence quotes. Nested lists are capped so a page of 500 stays
 * under the API's cost limit (fields × page sizes).
 */
export const EventFields = graphql(
  `fragment EventFields on Event {
    ...TimelineEventFields
    evidence(first: 5) { ...EvidenceFields }
  }`,
  [TimelineEventFields, EvidenceFields],
);

/** Everything the evidence panel shows for a selected event. */
export const EventDetailFields = graphql(
  `fragment EventDetailFields on Event {
    id type title summary start end precision edtf confidence independentSources
    actors(first: 50) { id name nameAr kind role }
    locations(first: 20) { ...LocationFields }
    claims(first: 50) {
      id text gloss certainty statedAt language
      claimant { ...ActorFields }
      links(first: 20) { type direction other { id } }
      evidence(first: 10) { ...EvidenceFields }
    }
    evidence(first: 50) { ...EvidenceFields }
    articles(first: 20) { ...ArticleFields }
  }`,
  [ActorFields, LocationFields, EvidenceFields, ArticleFields],
);

/** The date range the graph covers, so the timeline opens on it. */
export const statsQuery = graphql(`query RasdStats { stats { events earliest latest } }`);

/** One page of the events matching a filter (Relay connection, first ≤ 500). */
export const eventsPageQuery = graphql(
  `query RasdEventsPage($filter: EventFilter, $first: Int, $after: String) {
    events(filter: $filter, first: $first, after: $after, orderBy: START_ASC) {
      totalCount
      pageInfo { endCursor hasNextPage }
      nodes { ...EventFields }
    }
  }`,
  [EventFields],
);

/** A timeline answer: counts per bucket always, the events when few. */
export const TimelineSliceFields = graphql(
  `fragment TimelineSliceFields on Timeline {
    from to total
    buckets { start end count byType { type count } }
    events { ...TimelineEventFields }
  }`,
  [TimelineEventFields],
);

/** The timeline's level of detail for a window. */
export const timelineQuery = graphql(
  `query RasdTimeline($filter: EventFilter, $from: DateTime!, $to: DateTime!, $buckets: Int, $maxEvents: Int) {
    timeline(filter: $filter, from: $from, to: $to, buckets: $buckets, maxEvents: $maxEvents) { ...TimelineSliceFields }
  }`,
  [TimelineSliceFields],
);

/**
 * The first request, preloaded by the page (client/vite.config.ts) so it
 * travels while the script loads: the graph's size and range, and the whole
 * graph's events when there are at most 1000 (timelineMaxEvents in load.ts),
 * so a small graph's timeline paints as soon as the script runs, with no
 * request after it. Unfiltered, over every year an event can have; one bucket,
 * since the buckets are drawn only in place of the events. A larger graph's
 * answer has no events and the timeline asks for its window as usual.
 */
export const startQuery = graphql(
  `query RasdStart {
    stats { events earliest latest }
    timeline(from: "1000-01-01T00:00:00Z", to: "3000-01-01T00:00:00Z", buckets: 1, maxEvents: 1000) {
      ...TimelineSliceFields
    }
  }`,
  [TimelineSliceFields],
);

/** Events and articles by id: a selection outside the window, article texts for the evidence panel. */
export const nodesQuery = graphql(
  `query RasdNodes($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      ... on Event { ...EventDetailFields }
      ... on Article { ...ArticleFields text }
    }
  }`,
  [EventDetailFields, ArticleFields],
);

/** The search box: names and aliases in Arabic and English, spelling variants folded. */
export const searchQuery = graphql(
  `query RasdSearch($text: String!, $first: Int, $asOf: DateTime) {
    search(text: $text, first: $first, asOf: $asOf) {
      kind score
      node {
        __typename
        ... on Actor { ...ActorFields }
        ... on Location { id name nameAr kind }
        ... on Event { id title type }
        ... on Claim { id text gloss certainty language }
      }
    }
  }`,
  [ActorFields],
);

/** What a double-click adds: the nodes and edges one hop out. */
export const neighborhoodQuery =
  graphql(`query RasdNeighborhood($ids: [ID!]!, $limit: Int, $filter: NeighborhoodFilter) {
  neighborhood(ids: $ids, hops: 1, limit: $limit, filter: $filter) {
    truncated
    nodes { id label kind name node { __typename ... on Actor { nameAr } ... on Location { nameAr } } }
    edges { source target type role }
  }
}`);

/** Actors tied by the events they share in the window. */
export const actorNetworkQuery = graphql(
  `query RasdActorNetwork($filter: EventFilter, $first: Int) {
    actorNetwork(filter: $filter, first: $first, eventsPerTie: 1) {
      actors { ...ActorFields eventCount }
      ties { source { id } target { id } weight }
    }
  }`,
  [ActorFields],
);

/** A refused input: the message and each issue, for the dialog to list. */
export const Refusal = graphql(`fragment Refusal on ValidationError { message issues { path message } }`);

/** The bundle the server would store for a raw article (text, HTML or JSON); stores nothing. */
export const extractArticleQuery = graphql(
  `query RasdExtractArticle($raw: String!, $filename: String) {
    extractArticle(raw: $raw, filename: $filename) {
      __typename
      ... on ExtractedArticle { bundle }
      ...Refusal
    }
  }`,
  [Refusal],
);

/** Stores a validated article bundle (editor key). */
export const ingestBundleMutation = graphql(
  `mutation RasdIngestBundle($bundle: JSON!) {
    ingestBundle(bundle: $bundle) {
      __typename
      ... on IngestResult { articleId actors locations events claims }
      ...Refusal
    }
  }`,
  [Refusal],
);

/** One event's reports, independent sources and disagreements, as of a date (the sources panel). */
export const eventSourcesQuery = graphql(`query RasdEventSources($id: ID!, $asOf: DateTime) {
  eventAsOf(id: $id, asOf: $asOf) {
    id title independentSources reportCount firstReportedAt lastReportedAt dateConflict
    reports(first: 50) { nodes { article { id title } publisher language publishedAt source copyOf evidence { text } facts { kind value atLeast quote } } }
    disagreements { what unit values { value reports { publisher language quote } } }
  }
}`);

/** The candidate-duplicate review list. */
export const candidatesQuery = graphql(`query RasdCandidates($first: Int) {
  candidateDuplicates(first: $first) { totalCount nodes {
    a { id title start type } b { id title start type } score reasons
  } }
}`);

/** Accepting a candidate: merges the pair (editor key). */
export const mergeEventsMutation = graphql(`mutation RasdMergeEvents($ids: [ID!]!, $reason: String!) {
  mergeEvents(ids: $ids, reason: $reason) { __typename ... on Error { message } }
}`);

/** Rejecting a candidate: the pair is not offered again (editor key). */
export const rejectCandidateMutation = graphql(`mutation RasdRejectCandidate($a: ID!, $b: ID!) {
  rejectCandidate(a: $a, b: $b) { __typename ... on Error { message } }
}`);

/** Actors or places in the graph for the review's "link to existing" (search as you type). */
export const entityCandidatesQuery = graphql(
  `query RasdEntityCandidates($text: String!, $kinds: [SearchKind!], $first: Int) {
    search(text: $text, kinds: $kinds, first: $first) {
      node {
        __typename
        ... on Actor { id name nameAr kind aliases }
        ... on Location { id name nameAr kind aliases }
      }
    }
  }`,
);

/** Which of these ids are already nodes in the graph (the review marks them "in the graph"). */
export const existingIdsQuery = graphql(`query RasdExistingIds($ids: [ID!]!) {
  nodes(ids: $ids) { id }
}`);

/** Graph actors or places whose names look like a new one (the review's "looks like an existing node"). */
export const similarEntitiesQuery = graphql(`query RasdSimilarEntities($name: String!, $kind: DuplicateKind!) {
  similarEntities(name: $name, kind: $kind, first: 3) { id name nameAr kind aliases score reason }
}`);

/** Possible duplicate actors or places, each group with its members' evidence. */
export const duplicateSuggestionsQuery =
  graphql(`query RasdDuplicateSuggestions($kind: DuplicateKind!, $first: Int, $after: String) {
  duplicateSuggestions(kind: $kind, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id score reasons
      members { id name nameAr aliases kind mentionCount articleCount eventCount evidence { articleTitle quote } }
      pairs(first: 10) { a b sharedEventCount }
    }
  }
}`);

/** Merges duplicates into the first id (editor key). */
export const mergeEntitiesMutation = graphql(
  `mutation RasdMergeEntities($keep: ID!, $merge: [ID!]!) {
    mergeEntities(keep: $keep, merge: $merge) {
      __typename
      ... on MergeResult { merged }
      ...Refusal
      ... on NotFoundError { message }
    }
  }`,
  [Refusal],
);

/** Records that these actors or places are different (editor key). */
export const dismissDuplicatesMutation = graphql(
  `mutation RasdDismissDuplicates($kind: DuplicateKind!, $ids: [ID!]!) {
    dismissDuplicates(kind: $kind, ids: $ids) {
      __typename
      ... on DismissDuplicatesResult { pairs }
      ...Refusal
    }
  }`,
  [Refusal],
);
