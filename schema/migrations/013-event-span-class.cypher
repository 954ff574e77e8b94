// Candidate search on ingest (server/src/cypher/resolve.ts): one seek per compatible type and span class
// (server/src/cypher/span-class.ts), each looking back only as far as that class's events may reach, so an
// incoming event reads the one-day events of the day before it, not those of the two months before.
// A graph that predates the class gets it once at start-up (db/migrations.ts ensureSpanClasses).
CREATE RANGE INDEX event_type_span_class IF NOT EXISTS FOR (n:Event) ON (n.type, n.spanClass, n.start, n.end);
