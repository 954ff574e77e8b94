// Identifiers used by entity resolution on ingest: the same Wikidata or GeoNames id is the same actor or place.
CREATE RANGE INDEX actor_wikidata IF NOT EXISTS FOR (n:Actor) ON (n.wikidataId);
CREATE RANGE INDEX location_wikidata IF NOT EXISTS FOR (n:Location) ON (n.wikidataId);
CREATE RANGE INDEX location_geonames IF NOT EXISTS FOR (n:Location) ON (n.geonamesId);
// The audit log is filtered by who and by action.
CREATE RANGE INDEX audit_entry_who IF NOT EXISTS FOR (n:AuditEntry) ON (n.who);
CREATE RANGE INDEX audit_entry_action IF NOT EXISTS FOR (n:AuditEntry) ON (n.action);
