/**
 * Lists passed so that their length does not cause a new plan.
 *
 * Neo4j caches a plan per query text and parameter types, and a list
 * parameter's type includes its size class (1, 2–10, 11–100, 101–1000, …).
 * Each new class plans the query again. For the larger resolution statements
 * that is seconds inside a write transaction: on the 1M bench store, the
 * refresh of touched events took 3.5–8.5 s to plan for 1, 2 and 11 ids, then
 * 3–15 ms to run (2026-11-30). A list inside a map parameter is not classed
 * by size, so a statement reading `$lists.<name>` is planned once.
 */
export const unsizedLists = <T extends Record<string, unknown[]>>(lists: T) => ({ lists });
