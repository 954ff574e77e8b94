/** Limits every operation must meet before it runs. */
export interface QueryLimits {
  /** Deepest selection nesting. Default 12. */
  maxDepth: number;
  /** Aliased fields in one operation. Default 30. */
  maxAliases: number;
  /** Lexical tokens in the document (checked while parsing). Default 3000. */
  maxTokens: number;
  /**
   * Estimated cost: each field costs 1, times the page sizes of the lists above it. Default 300000:
   * the client's widest legitimate query, a timeline listing 1,000 events with their actors, places,
   * claims and evidence, costs about 203,000; nested pages multiply far beyond (500³ = 125 million).
   */
  maxCost: number;
  /** Largest `first`/`limit` any field accepts. Default 2000 (fields cap their own arguments too). */
  maxPage: number;
}
