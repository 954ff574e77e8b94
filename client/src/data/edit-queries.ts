/**
 * The workspace's editing operations (editor key). Checked against
 * schema/schema.graphql by client/test/edit-operations-match-schema.test.ts.
 */

const provenance = "provenance { assertedBy asserter assertedAt correctedBy correctedAt }";
const failure = "... on ValidationError { message issues { path message } } ... on NotFoundError { message id }";

export const EDITABLE_NODE = `query EditableNode($id: ID!) {
  node(id: $id) {
    __typename id
    ... on Event { title type start end precision edtf ${provenance}
      actors(first: 100) { id name role ${provenance} }
      places(first: 100) { location { id name } ${provenance} } }
    ... on Claim { text certainty ${provenance} claimant { id name }
      about(first: 50) { ... on Event { id title } } }
    ... on Actor { name nameAr kind wikidataId aliases mergedIds ${provenance} articles(first: 50) { id title } }
    ... on Location { name nameAr kind wikidataId geonamesId aliases mergedIds ${provenance} articles(first: 50) { id title } }
  }
}`;

/** Actors and places to choose from (participants, speakers, places, merges). */
export const EDIT_CHOICES = `query EditChoices {
  actors(first: 500) { nodes { id name } }
  locations(first: 500) { nodes { id name } }
}`;

const tie = `__typename ... on EventTieResult { auditId } ${failure}`;

export const SET_ROLE = `mutation SetRole($event: ID!, $actor: ID!, $role: Role!) {
  result: setRole(event: $event, actor: $actor, role: $role) { ${tie} }
}`;

export const ADD_PARTICIPANT = `mutation AddParticipant($event: ID!, $actor: ID!, $role: Role!) {
  result: addParticipant(event: $event, actor: $actor, role: $role) { ${tie} }
}`;

export const REMOVE_PARTICIPANT = `mutation RemoveParticipant($event: ID!, $actor: ID!) {
  result: removeParticipant(event: $event, actor: $actor) { ${tie} }
}`;

export const ADD_EVENT_PLACE = `mutation AddEventPlace($event: ID!, $location: ID!) {
  result: addEventPlace(event: $event, location: $location) { ${tie} }
}`;

export const REMOVE_EVENT_PLACE = `mutation RemoveEventPlace($event: ID!, $location: ID!) {
  result: removeEventPlace(event: $event, location: $location) { ${tie} }
}`;

export const SET_EVENT_DATE = `mutation SetEventDate($id: ID!, $date: EventDate!) {
  result: setEventDate(id: $id, date: $date) { __typename ... on EventEditResult { auditId } ${failure} }
}`;

export const UPDATE_CLAIM = `mutation UpdateClaim($id: ID!, $input: ClaimUpdate!) {
  result: updateClaim(id: $id, input: $input) { __typename ... on ClaimEditResult { auditId } ${failure} }
}`;

export const UPDATE_ENTITY = `mutation UpdateEntity($id: ID!, $input: EntityUpdate!) {
  result: updateEntity(id: $id, input: $input) { __typename ... on EditResult { auditId } ${failure} }
}`;

export const MERGE_ENTITIES = `mutation MergeEntities($keep: ID!, $merge: [ID!]!) {
  result: mergeEntities(keep: $keep, merge: $merge) { __typename ... on MergeResult { auditId } ${failure} }
}`;

export const SPLIT_ENTITY = `mutation SplitEntity($id: ID!, $input: SplitEntityInput!) {
  result: splitEntity(id: $id, input: $input) { __typename ... on SplitEntityResult { auditId created { id } } ${failure} }
}`;

export const UNDO = `mutation Undo($auditId: ID) {
  result: undo(auditId: $auditId) { __typename ... on UndoResult { auditId undid action target } ${failure} }
}`;

/** The caller's recent edits, for the Undo list. */
export const MY_EDITS = `query MyEdits($who: String) {
  auditLog(first: 5, filter: {who: $who}) { nodes { id at action target undoable undoneBy } }
}`;
