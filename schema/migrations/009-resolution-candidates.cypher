// Candidate search on ingest (server/src/cypher/resolve.ts): an incoming event is compared only with
// stored events of a type that can be the same incident, overlapping its dates. One seek per compatible
// type over the start range reads those, not every event of the weeks around it; the end, also in the
// index, drops the events that ended before the incoming one began without reading them.
CREATE RANGE INDEX event_type_start_end IF NOT EXISTS FOR (n:Event) ON (n.type, n.start, n.end);
