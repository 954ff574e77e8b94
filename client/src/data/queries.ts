/**
 * Every GraphQL query the client sends, in one place so they follow the schema
 * (schema/schema.graphql) as it evolves.
 */

const actorFields = "id name nameAr kind";
const locationFields = "id name nameAr kind latitude longitude";
const evidenceFields = "articleId articleTitle start end quote";

/** Events overlapping [from, to] with everything the views and evidence panel draw. */
export const eventsQuery = `query RasdEvents($from: String, $to: String, $first: Int) {
  events(from: $from, to: $to, first: $first) {
    id type title summary start end precision edtf confidence
    actors { ${actorFields} role }
    locations { ${locationFields} }
    claims { id text gloss certainty statedAt claimant { ${actorFields} } }
    evidence { ${evidenceFields} }
  }
}`;

/** Stores a validated article bundle (editor key). */
export const ingestBundleMutation = `mutation RasdIngestBundle($bundle: JSON!) {
  ingestBundle(bundle: $bundle) { articleId actors locations events claims }
}`;

/** Asks which root fields the server offers, so the client uses richer ones as they land. */
export const capabilitiesQuery = `query RasdCapabilities {
  __schema { queryType { fields { name } } mutationType { fields { name } } }
}`;
