import neo4j from "neo4j-driver";

/** A transient error (deadlock, leader switch) is retried for as long as the driver would by default. */
const TRANSIENT_BUDGET_MS = 30_000;
/**
 * "No database" is retried only briefly: a restart takes longer than a user
 * should wait, so the request fails fast (DATABASE_UNAVAILABLE, well under
 * 5 s) and the client retries instead.
 */
const UNAVAILABLE_BUDGET_MS = 2_000;
const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 4_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs a transaction function again on retriable driver errors, with
 * exponential backoff and jitter, within a budget that depends on the error:
 * the driver's own retry has one budget for both (30 s), which made requests
 * hang for most of a minute while the database was down. The driver's retry
 * is switched off (maxTransactionRetryTime 0) so this is the only one.
 */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  isUnavailable: (error: unknown) => boolean,
): Promise<T> {
  const started = Date.now();
  for (let delay = FIRST_DELAY_MS; ; delay = Math.min(delay * 2, MAX_DELAY_MS)) {
    try {
      return await attempt();
    } catch (error) {
      const budget = isUnavailable(error) ? UNAVAILABLE_BUDGET_MS : TRANSIENT_BUDGET_MS;
      const wait = delay * (0.8 + Math.random() * 0.4);
      if (!neo4j.isRetryableError(error as Error) || Date.now() - started + wait > budget) throw error;
      await sleep(wait);
    }
  }
}
