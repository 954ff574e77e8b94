// The candidate search on ingest first sought events through a (type, spanClass, start, end) index on Event.
// It now seeks the ties of related places and actors (014-tie-candidate-keys.cypher), which carry the span
// class; the node index is no longer read, so it goes rather than cost every event write an index entry.
DROP INDEX event_type_span_class IF EXISTS;
