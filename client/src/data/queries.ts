/**
 * Every GraphQL operation the client sends, in one place so they follow the
 * schema (schema/schema.graphql) as it evolves.
 */

const actorFields = "id name nameAr kind";
const locationFields = "id name nameAr kind latitude longitude";
const evidenceFields = "articleId articleTitle start end quote";
const articleFields = "id title publisher language publishedAt url";
const claimFields = `id text gloss certainty statedAt language
  claimant { ${actorFields} }
  links(first: 20) { type direction other { id } }`;

/**
 * What the timeline, graph and map draw for an event. Nested lists are capped
 * so a page of 500 stays under the API's cost limit (fields × page sizes).
 */
const eventFields = `id type title summary start end precision edtf confidence
  actors(first: 10) { ${actorFields} role }
  locations(first: 5) { ${locationFields} }
  claims(first: 5) { id text gloss certainty statedAt language claimant { ${actorFields} } }
  evidence(first: 5) { ${evidenceFields} }
  articles(first: 3) { ${articleFields} }`;

/** Everything the evidence panel shows for a selected event. */
const eventDetailFields = `id type title summary start end precision edtf confidence
  actors(first: 50) { ${actorFields} role }
  locations(first: 20) { ${locationFields} }
  claims(first: 50) { ${claimFields} evidence(first: 10) { ${evidenceFields} } }
  evidence(first: 50) { ${evidenceFields} }
  articles(first: 20) { ${articleFields} }`;

/** The date range the graph covers, so the timeline opens on it. */
export const statsQuery = `query RasdStats { stats { events earliest latest } }`;

/** One page of the events matching a filter (Relay connection, first ≤ 500). */
export const eventsPageQuery = `query RasdEventsPage($filter: EventFilter, $first: Int, $after: String) {
  events(filter: $filter, first: $first, after: $after, orderBy: START_ASC) {
    totalCount
    pageInfo { endCursor hasNextPage }
    nodes { ${eventFields} }
  }
}`;

/** The timeline's level of detail: counts per bucket always, the events when few. */
export const timelineQuery = `query RasdTimeline($filter: EventFilter, $from: DateTime!, $to: DateTime!, $buckets: Int, $maxEvents: Int) {
  timeline(filter: $filter, from: $from, to: $to, buckets: $buckets, maxEvents: $maxEvents) {
    from to total
    buckets { start end count byType { type count } }
    events { ${eventFields} }
  }
}`;

/** Events and articles by id: a selection outside the window, article texts for the evidence panel. */
export const nodesQuery = `query RasdNodes($ids: [ID!]!) {
  nodes(ids: $ids) {
    __typename
    ... on Event { ${eventDetailFields} }
    ... on Article { ${articleFields} text }
  }
}`;

/** The search box: names and aliases in Arabic and English, spelling variants folded. */
export const searchQuery = `query RasdSearch($text: String!, $first: Int) {
  search(text: $text, first: $first) {
    kind score
    node {
      __typename
      ... on Actor { ${actorFields} }
      ... on Location { id name nameAr kind }
      ... on Event { id title type }
      ... on Claim { id text gloss certainty language }
    }
  }
}`;

/** What a double-click adds: the nodes and edges one hop out. */
export const neighborhoodQuery = `query RasdNeighborhood($ids: [ID!]!, $limit: Int) {
  neighborhood(ids: $ids, hops: 1, limit: $limit) {
    truncated
    nodes { id label kind name node { __typename ... on Actor { nameAr } ... on Location { nameAr } } }
    edges { source target type role }
  }
}`;

/** Actors tied by the events they share in the window. */
export const actorNetworkQuery = `query RasdActorNetwork($filter: EventFilter, $first: Int) {
  actorNetwork(filter: $filter, first: $first, eventsPerTie: 1) {
    actors { ${actorFields} eventCount }
    ties { source { id } target { id } weight }
  }
}`;

const refusal = "... on ValidationError { message issues { path message } }";

/** The bundle the server would store for a raw article (text, HTML or JSON); stores nothing. */
export const extractArticleQuery = `query RasdExtractArticle($raw: String!, $filename: String) {
  extractArticle(raw: $raw, filename: $filename) {
    __typename
    ... on ExtractedArticle { bundle }
    ${refusal}
  }
}`;

/** Stores a validated article bundle (editor key). */
export const ingestBundleMutation = `mutation RasdIngestBundle($bundle: JSON!) {
  ingestBundle(bundle: $bundle) {
    __typename
    ... on IngestResult { articleId actors locations events claims }
    ${refusal}
  }
}`;

const entityFields = "id name nameAr kind aliases";

/** Actors or places in the graph for the review's "link to existing" (search as you type). */
export const entityCandidatesQuery = `query RasdEntityCandidates($text: String!, $kinds: [SearchKind!], $first: Int) {
  search(text: $text, kinds: $kinds, first: $first) {
    node {
      __typename
      ... on Actor { ${entityFields} }
      ... on Location { ${entityFields} }
    }
  }
}`;

/** Which of these ids are already nodes in the graph (the review marks them "in the graph"). */
export const existingIdsQuery = `query RasdExistingIds($ids: [ID!]!) {
  nodes(ids: $ids) { id }
}`;

/** Graph actors or places whose names look like a new one (the review's "looks like an existing node"). */
export const similarEntitiesQuery = `query RasdSimilarEntities($name: String!, $kind: DuplicateKind!) {
  similarEntities(name: $name, kind: $kind, first: 3) { id name nameAr kind aliases score reason }
}`;

/** Possible duplicate actors or places, each group with its members' evidence. */
export const duplicateSuggestionsQuery = `query RasdDuplicateSuggestions($kind: DuplicateKind!, $first: Int, $after: String) {
  duplicateSuggestions(kind: $kind, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id score reasons
      members { id name nameAr aliases kind mentionCount articleCount eventCount evidence { articleTitle quote } }
      pairs(first: 10) { a b sharedEventCount }
    }
  }
}`;

/** Merges duplicates into the first id (editor key). */
export const mergeEntitiesMutation = `mutation RasdMergeEntities($keep: ID!, $merge: [ID!]!) {
  mergeEntities(keep: $keep, merge: $merge) {
    __typename
    ... on MergeResult { merged }
    ${refusal}
    ... on NotFoundError { message }
  }
}`;

/** Records that these actors or places are different (editor key). */
export const dismissDuplicatesMutation = `mutation RasdDismissDuplicates($kind: DuplicateKind!, $ids: [ID!]!) {
  dismissDuplicates(kind: $kind, ids: $ids) {
    __typename
    ... on DismissDuplicatesResult { pairs }
    ${refusal}
  }
}`;
