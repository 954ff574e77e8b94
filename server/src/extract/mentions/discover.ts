import { coveredTokens, type ExtractState } from "../state.ts";
import { discoverArabicOrganisations, discoverArabicPlaces } from "./discover-arabic.ts";
import { discoverEnglish } from "./discover-english.ts";

/** Organisations and people the gazetteer does not know, found by name patterns (before titles bind holders). */
export function discoverNames(state: ExtractState) {
  const covered = coveredTokens(state);
  discoverArabicOrganisations(state, covered);
  discoverEnglish(state, covered);
}

/** Places the gazetteer does not know, found by place nouns and lists (after people, so names are not read as places). */
export function discoverPlaces(state: ExtractState) {
  discoverArabicPlaces(state, coveredTokens(state));
}
