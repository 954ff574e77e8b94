// Span histogram of the timeline aggregates (server/src/cypher/timeline-counts.ts):
// one node counting dated events by how many whole days they last, so window
// queries bound their start-index range without scanning every event.
CREATE CONSTRAINT timeline_spans IF NOT EXISTS FOR (n:TimelineSpans) REQUIRE n.key IS UNIQUE;
