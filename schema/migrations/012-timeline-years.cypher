// The timeline's running counts per UTC year (server/src/cypher/timeline-counts.ts) replace the 8- and
// 64-day block counts of 010 (removed): a window reads one node per year, whatever its buckets. A graph
// whose day counts predate them gets them summed once at start (ensureTimelineCounts), which also deletes
// the block nodes.
DROP CONSTRAINT timeline_block8 IF EXISTS;
DROP CONSTRAINT timeline_block64 IF EXISTS;
CREATE CONSTRAINT timeline_year IF NOT EXISTS FOR (n:TimelineYear) REQUIRE n.year IS UNIQUE;
