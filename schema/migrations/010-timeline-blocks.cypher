// The timeline's day counts summed over aligned 8- and 64-day blocks (server/src/cypher/timeline-counts.ts),
// so a long window reads a few blocks per bucket instead of every day. A graph whose day counts predate
// them gets them summed once at start (ensureTimelineCounts).
CREATE CONSTRAINT timeline_block8 IF NOT EXISTS FOR (n:TimelineBlock8) REQUIRE n.block IS UNIQUE;
CREATE CONSTRAINT timeline_block64 IF NOT EXISTS FOR (n:TimelineBlock64) REQUIRE n.block IS UNIQUE;
