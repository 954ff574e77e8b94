import { articleIdentity } from "../bundle/article-identity.ts";
import type { ArticleBundle } from "../bundle/types.ts";
import { validateBundle } from "../bundle/validate.ts";
import { claimNodes, entityNodes, eventNodes, relationList } from "./assemble.ts";
import { fitBundleToSchema } from "./bundle-limits.ts";
import { findClaims } from "./claims/claims.ts";
import { splitStatementDates } from "./claims/statement-dates.ts";
import { findDates } from "./dates/dates.ts";
import { buildDoc } from "./document.ts";
import { findEvents } from "./events/events.ts";
import { findAnonymousSources } from "./mentions/anonymous.ts";
import { resolveCommonNouns } from "./mentions/coreference.ts";
import { discoverNames, discoverPlaces } from "./mentions/discover.ts";
import { laterMentions, possiblySame } from "./mentions/discovered.ts";
import { type EntityEntry, entityEntries } from "./mentions/gazetteer.ts";
import { findGeoNames, geocodeDiscovered } from "./mentions/geocode.ts";
import type { NameMatch } from "./mentions/lexicon.ts";
import { Lexicon } from "./mentions/lexicon.ts";
import { findMentions } from "./mentions/mentions.ts";
import { findPeople } from "./mentions/people.ts";
import { findRelations } from "./mentions/relations.ts";
import { coveredTokens, type ExtractState } from "./state.ts";
import type { ArticleInput, ExtractOptions } from "./types.ts";

export { ArticleInputError } from "./input-error.ts";
export type { ArticleInput, ExtractOptions, KnownEntity } from "./types.ts";

export const EXTRACTOR_VERSION = "0.1.0";

let defaultLexicon: { entries: EntityEntry[]; lexicon: Lexicon } | undefined;

/** The gazetteer lexicon is built once; graph entities make a fresh one for that call. */
function lexiconFor(options: ExtractOptions) {
  if (options.handGazetteer === false) {
    const entries = entityEntries(options.knownEntities ?? [], false);
    return { entries, lexicon: new Lexicon(entries) };
  }
  if (!options.knownEntities?.length) {
    defaultLexicon ??= (() => {
      const entries = entityEntries();
      return { entries, lexicon: new Lexicon(entries) };
    })();
    return defaultLexicon;
  }
  const entries = entityEntries(options.knownEntities);
  return { entries, lexicon: new Lexicon(entries) };
}

/**
 * Reads an article into a bundle: actors and locations (gazetteer, graph and
 * patterns), dates, events and claims, each with evidence spans into
 * article.text. Pure apart from reading the gazetteer once; the result has
 * passed validateBundle().
 */
export function extractArticle(input: ArticleInput, options: ExtractOptions = {}): ArticleBundle {
  const identity = articleIdentity(input.text);
  const { entries, lexicon } = lexiconFor(options);
  const doc = buildDoc(input);
  const state: ExtractState = {
    doc,
    // Article-scoped ids (anonymous sources) carry the first 8 hex digits of the text's hash.
    scope: identity.contentHash.slice(7, 15),
    entries: new Map(entries.map((e) => [e.id, e])),
    mentions: [],
    relations: [],
    descriptions: new Map(),
  };
  const ambiguous: NameMatch[] = [];
  state.mentions = findMentions(doc, lexicon, state.entries, ambiguous);
  discoverNames(state);
  findPeople(state);
  discoverPlaces(state);
  findGeoNames(state, coveredTokens(state));
  findAnonymousSources(state);
  laterMentions(state, coveredTokens(state));
  possiblySame(state, ambiguous);
  geocodeDiscovered(state);
  resolveCommonNouns(state);
  findRelations(state);
  const dates = splitStatementDates(state, findDates(doc));
  const eventDrafts = findEvents(state, dates.events);
  const claimDrafts = findClaims(state);
  const { actors, locations } = entityNodes(state);
  const present = new Set([...actors, ...locations].map((e) => e.id));
  const events = eventNodes(state, eventDrafts, present);
  const claims = claimNodes(state, claimDrafts, events, eventDrafts, present, dates.statements);
  const bundle: ArticleBundle = {
    bundleVersion: 1,
    producer: { name: "rasd-extract", version: EXTRACTOR_VERSION },
    article: {
      id: identity.id,
      url: input.url,
      title: input.title,
      publisher: input.publisher,
      language: input.language,
      publishedAt: input.publishedAt,
      text: input.text,
      contentHash: identity.contentHash,
    },
    actors,
    locations,
    events,
    claims,
    relations: relationList(state, present),
  };
  // A long article can name one thing more often than the schema's lists hold: merge and cap rather than fail.
  return validateBundle(fitBundleToSchema(bundle));
}
