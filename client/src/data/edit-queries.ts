/**
 * The workspace's editing operations (editor key), written with the `graphql`
 * tag like those in queries.ts: typed from the schema, and validated against
 * schema/schema.graphql by client/test/operations-match-schema.test.ts.
 */
import { graphql } from "./graphql.ts";
import { Refusal } from "./queries.ts";

const ProvenanceFields = graphql(
  `fragment ProvenanceFields on Provenance { assertedBy asserter assertedAt correctedBy correctedAt }`,
);
const NotFound = graphql(`fragment NotFound on NotFoundError { message id }`);

export const EDITABLE_NODE = graphql(
  `query EditableNode($id: ID!) {
  node(id: $id) {
    __typename id
    ... on Event { title type start end precision edtf provenance { ...ProvenanceFields }
      actors(first: 100) { id name role provenance { ...ProvenanceFields } }
      places(first: 100) { location { id name } provenance { ...ProvenanceFields } } }
    ... on Claim { text certainty provenance { ...ProvenanceFields } claimant { id name }
      about(first: 50) { ... on Event { id title } } }
    ... on Actor { name nameAr kind wikidataId aliases mergedIds provenance { ...ProvenanceFields } articles(first: 50) { id title } }
    ... on Location { name nameAr kind wikidataId geonamesId aliases mergedIds provenance { ...ProvenanceFields } articles(first: 50) { id title } }
  }
}`,
  [ProvenanceFields],
);

/** Actors and places to choose from (participants, speakers, places, merges). */
export const EDIT_CHOICES = graphql(`query EditChoices {
  actors(first: 500) { nodes { id name } }
  locations(first: 500) { nodes { id name } }
}`);

export const SET_ROLE = graphql(
  `mutation SetRole($event: ID!, $actor: ID!, $role: Role!) {
  result: setRole(event: $event, actor: $actor, role: $role) { __typename ... on EventTieResult { auditId } ...Refusal ...NotFound }
}`,
  [Refusal, NotFound],
);

export const ADD_PARTICIPANT = graphql(
  `mutation AddParticipant($event: ID!, $actor: ID!, $role: Role!) {
  result: addParticipant(event: $event, actor: $actor, role: $role) { __typename ... on EventTieResult { auditId } ...Refusal ...NotFound }
}`,
  [Refusal, NotFound],
);

export const REMOVE_PARTICIPANT = graphql(
  `mutation RemoveParticipant($event: ID!, $actor: ID!) {
  result: removeParticipant(event: $event, actor: $actor) { __typename ... on EventTieResult { auditId } ...Refusal ...NotFound }
}`,
  [Refusal, NotFound],
);

export const ADD_EVENT_PLACE = graphql(
  `mutation AddEventPlace($event: ID!, $location: ID!) {
  result: addEventPlace(event: $event, location: $location) { __typename ... on EventTieResult { auditId } ...Refusal ...NotFound }
}`,
  [Refusal, NotFound],
);

export const REMOVE_EVENT_PLACE = graphql(
  `mutation RemoveEventPlace($event: ID!, $location: ID!) {
  result: removeEventPlace(event: $event, location: $location) { __typename ... on EventTieResult { auditId } ...Refusal ...NotFound }
}`,
  [Refusal, NotFound],
);

export const SET_EVENT_DATE = graphql(
  `mutation SetEventDate($id: ID!, $date: EventDate!) {
  result: setEventDate(id: $id, date: $date) { __typename ... on EventEditResult { auditId } ...Refusal ...NotFound }
}`,
  [Refusal, NotFound],
);

export const UPDATE_CLAIM = graphql(
  `mutation UpdateClaim($id: ID!, $input: ClaimUpdate!) {
  result: updateClaim(id: $id, input: $input) { __typename ... on ClaimEditResult { auditId } ...Refusal ...NotFound }
}`,
  [Refusal, NotFound],
);

export const UPDATE_ENTITY = graphql(
  `mutation UpdateEntity($id: ID!, $input: EntityUpdate!) {
  result: updateEntity(id: $id, input: $input) { __typename ... on EditResult { auditId } ...Refusal ...NotFound }
}`,
  [Refusal, NotFound],
);

export const MERGE_ENTITIES = graphql(
  `mutation MergeEntities($keep: ID!, $merge: [ID!]!) {
  result: mergeEntities(keep: $keep, merge: $merge) { __typename ... on MergeResult { auditId } ...Refusal ...NotFound }
}`,
  [Refusal, NotFound],
);

export const SPLIT_ENTITY = graphql(
  `mutation SplitEntity($id: ID!, $input: SplitEntityInput!) {
  result: splitEntity(id: $id, input: $input) { __typename ... on SplitEntityResult { auditId created { id } } ...Refusal ...NotFound }
}`,
  [Refusal, NotFound],
);

export const UNDO = graphql(
  `mutation Undo($auditId: ID) {
  result: undo(auditId: $auditId) { __typename ... on UndoResult { auditId undid action target } ...Refusal ...NotFound }
}`,
  [Refusal, NotFound],
);

/** The caller's recent edits, for the Undo list. */
export const MY_EDITS = graphql(`query MyEdits($who: String) {
  auditLog(first: 5, filter: {who: $who}) { nodes { id at action target undoable undoneBy } }
}`);
