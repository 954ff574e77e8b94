// Timeline aggregates (server/src/cypher/timeline-counts.ts): one node per UTC
// day with a count property per event type, plus one for events with no end.
// The write paths MERGE them by these keys inside their own transactions, and
// whole-range timelines read them by day range (the constraint's index).
CREATE CONSTRAINT timeline_day IF NOT EXISTS FOR (n:TimelineDay) REQUIRE n.day IS UNIQUE;
CREATE CONSTRAINT timeline_undated IF NOT EXISTS FOR (n:TimelineUndated) REQUIRE n.key IS UNIQUE;
