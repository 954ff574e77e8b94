// searchText holds every name and alias plus their Arabic-normalised forms
// (server/src/text/arabic-normalize.ts); one index per analyser, the search
// query asks both and keeps the best score per node.
CREATE FULLTEXT INDEX names_ar IF NOT EXISTS FOR (n:Actor|Location|Event) ON EACH [n.searchText] OPTIONS {indexConfig: {`fulltext.analyzer`: 'arabic'}};
CREATE FULLTEXT INDEX names_en IF NOT EXISTS FOR (n:Actor|Location|Event) ON EACH [n.searchText] OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}};
CREATE FULLTEXT INDEX claims_ar IF NOT EXISTS FOR (n:Claim) ON EACH [n.searchText] OPTIONS {indexConfig: {`fulltext.analyzer`: 'arabic'}};
CREATE FULLTEXT INDEX claims_en IF NOT EXISTS FOR (n:Claim) ON EACH [n.searchText] OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}};
