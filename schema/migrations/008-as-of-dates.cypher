// "As of" windows (server/src/cypher/as-of.ts): the hull of an event's reports' dates, kept only on the
// events whose dates a later report (or an analyst) may have changed, read by range when a window is
// asked as of a date.
CREATE RANGE INDEX event_reported_start IF NOT EXISTS FOR (n:Event) ON (n.reportedStart);
