// One event, many sources (server/src/resolve/vocabulary.ts names what these hold).
// Syndication: each Article's MinHash LSH band keys, space-separated; a copy of a
// wire story shares at least one key with the original.
CREATE FULLTEXT INDEX article_bands IF NOT EXISTS FOR (n:Article) ON EACH [n.minhashBands] OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}};
CREATE RANGE INDEX article_source_key IF NOT EXISTS FOR (n:Article) ON (n.sourceKey);
CREATE RANGE INDEX event_independent_sources IF NOT EXISTS FOR (n:Event) ON (n.independentSources);
CREATE CONSTRAINT merge_record_id IF NOT EXISTS FOR (n:MergeRecord) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT audit_entry_id IF NOT EXISTS FOR (n:AuditEntry) REQUIRE n.id IS UNIQUE;
CREATE RANGE INDEX audit_entry_at IF NOT EXISTS FOR (n:AuditEntry) ON (n.at);
// The candidate review list reads open candidates by status.
CREATE RANGE INDEX candidate_status IF NOT EXISTS FOR ()-[c:POSSIBLY_SAME_AS]-() ON (c.status);
