// A pair of actors or places an analyst said are not duplicates (server/src/resolve/duplicate-suggestions.ts):
// one node per pair, found by its pair key, so a dismissal is stored once and never suggested again.
CREATE CONSTRAINT duplicate_dismissal_pair IF NOT EXISTS FOR (n:DuplicateDismissal) REQUIRE n.pair IS UNIQUE;
