// Candidate search on ingest (server/src/cypher/candidate-search.ts): an event's OCCURRED_IN and PARTICIPATED_IN
// ties carry its incident key (vocabulary incidentKeyOf: the types that can be one incident share it), span class,
// dates and type, and the id of the place or actor they join (server/src/cypher/tie-keys.ts), so the search seeks
// the ties of the places and actors an incoming event is related to, in its date window, instead of reading every
// event of the window: one seek per place or actor and span class. A graph that predates the keys gets them once
// at start-up (db/migrations.ts ensureTieKeys).
// The first version of these indexes led with the event's type, which took one seek per compatible type (four for
// a violent event); they are dropped for the incident-keyed ones.
DROP INDEX occurred_in_candidate_keys IF EXISTS;
DROP INDEX participated_in_candidate_keys IF EXISTS;
CREATE RANGE INDEX occurred_in_incident_keys IF NOT EXISTS FOR ()-[t:OCCURRED_IN]-() ON (t.entityId, t.eventIncident, t.eventSpanClass, t.eventStart, t.eventEnd, t.eventType);
CREATE RANGE INDEX participated_in_incident_keys IF NOT EXISTS FOR ()-[t:PARTICIPATED_IN]-() ON (t.entityId, t.eventIncident, t.eventSpanClass, t.eventStart, t.eventEnd, t.eventType);
