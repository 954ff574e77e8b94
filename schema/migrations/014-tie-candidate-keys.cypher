// Candidate search on ingest (server/src/cypher/resolve.ts): an event's OCCURRED_IN and PARTICIPATED_IN ties
// carry its type, span class and dates and the id of the place or actor they join (server/src/cypher/tie-keys.ts),
// so the search seeks the ties of the places and actors an incoming event is related to, in its date window,
// instead of reading every event of the window. A graph that predates the keys gets them once at start-up
// (db/migrations.ts ensureTieKeys).
CREATE RANGE INDEX occurred_in_candidate_keys IF NOT EXISTS FOR ()-[t:OCCURRED_IN]-() ON (t.entityId, t.eventType, t.eventSpanClass, t.eventStart, t.eventEnd);
CREATE RANGE INDEX participated_in_candidate_keys IF NOT EXISTS FOR ()-[t:PARTICIPATED_IN]-() ON (t.entityId, t.eventType, t.eventSpanClass, t.eventStart, t.eventEnd);
