// searchText holds every name and alias plus their Arabic-normalised forms
// (server/src/text/arabic-normalize.ts). Neo4j allows one full-text index per
// label/property set, so the English twins cover a different set that still
// includes searchText: the English name (or gloss) weighs twice there, and
// English stemming finds "attacks" for "attack". Search asks both analysers
// and keeps the best score per node.
CREATE FULLTEXT INDEX names_ar IF NOT EXISTS FOR (n:Actor|Location|Event) ON EACH [n.searchText] OPTIONS {indexConfig: {`fulltext.analyzer`: 'arabic'}};
CREATE FULLTEXT INDEX names_en IF NOT EXISTS FOR (n:Actor|Location|Event) ON EACH [n.name, n.title, n.searchText] OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}};
CREATE FULLTEXT INDEX claims_ar IF NOT EXISTS FOR (n:Claim) ON EACH [n.searchText] OPTIONS {indexConfig: {`fulltext.analyzer`: 'arabic'}};
CREATE FULLTEXT INDEX claims_en IF NOT EXISTS FOR (n:Claim) ON EACH [n.gloss, n.searchText] OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}};
