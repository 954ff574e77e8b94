import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { presentedKey } from "../auth.ts";
import type { RateLimits } from "../config.ts";

export type RateLimited = keyof RateLimits;

/**
 * Per-minute budgets for the expensive operations, counted per API key (a
 * key shared by several machines shares its budget) or, for keyless
 * requests, per client address. In memory: one Rasd process serves the API.
 */
export class RateLimiters {
  readonly #limiters = new Map<RateLimited, RateLimiterMemory>();

  constructor(limits: Partial<RateLimits> = {}) {
    for (const [name, perMinute] of Object.entries(limits) as [RateLimited, number][])
      if (perMinute > 0) this.#limiters.set(name, new RateLimiterMemory({ points: perMinute, duration: 60 }));
  }

  /**
   * Takes `count` requests from `who`'s budget for `what`. Returns undefined
   * when allowed, else the seconds until the budget has room again (for
   * Retry-After).
   */
  async take(what: RateLimited, who: string, count = 1): Promise<number | undefined> {
    const limiter = this.#limiters.get(what);
    if (!limiter || count <= 0) return undefined;
    try {
      await limiter.consume(who, count);
      return undefined;
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      throw refusal;
    }
  }
}

/** Whose budget a request spends: its API key when it carries one, else the address it came from. */
export function clientKey(headers: Headers, address: string | undefined): string {
  const key = presentedKey(headers);
  return key ? `key:${key}` : `address:${address ?? "unknown"}`;
}

/** The message of a refusal, naming what was limited and when to come back. */
export const rateLimitMessage = (what: RateLimited, retryAfter: number) =>
  `too many ${what} requests from this client; try again in ${retryAfter} s`;
