// Ingest looks up an incoming actor or place id among the ids merged away (Actor/Location.mergedIds,
// a list no index holds) through one (:MergedId {id, into}) node per merged id (server/src/cypher/merged-ids.ts):
// an index seek on this constraint instead of reading every node of the label.
CREATE CONSTRAINT merged_id_unique IF NOT EXISTS FOR (n:MergedId) REQUIRE n.id IS UNIQUE;
