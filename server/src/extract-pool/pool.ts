import { Piscina } from "piscina";
import type { ArticleBundle } from "../bundle/types.ts";
import { type ExtractionSettings, extractionSettings } from "../config.ts";
import type { KnownEntity } from "../extract/types.ts";
import { type ExtractionJob, type ExtractionOutcome, rethrow } from "./task.ts";

/** Every worker is busy and the queue holds as many articles as allowed: try again shortly. */
export class ExtractionBusyError extends Error {
  override name = "ExtractionBusyError";
  constructor(readonly queued: number) {
    super(
      `the server is extracting as many articles as it can queue (${queued} waiting); try again in a few seconds (RASD_EXTRACT_QUEUE raises the limit)`,
    );
  }
}

/** An article took longer to extract than RASD_EXTRACT_TIMEOUT_MS allows; its worker was stopped. */
export class ExtractionTimeoutError extends Error {
  override name = "ExtractionTimeoutError";
  constructor(readonly timeoutMs: number) {
    super(`extraction took longer than ${timeoutMs} ms and was stopped (RASD_EXTRACT_TIMEOUT_MS)`);
  }
}

let pool: { piscina: Piscina; settings: ExtractionSettings } | undefined;

/**
 * The extraction worker pool, started on first use: extraction is CPU-bound
 * (seconds for a long article), and on the event loop it would stall every
 * other request. Idle workers stay warm for a minute and never keep the
 * process alive.
 */
function extractionPool(): { piscina: Piscina; settings: ExtractionSettings } {
  if (pool) return pool;
  const settings = extractionSettings(process.env);
  const piscina = new Piscina({
    filename: new URL("./worker.mjs", import.meta.url).href,
    minThreads: 0,
    maxThreads: settings.workers,
    maxQueue: settings.queue,
    idleTimeout: 60_000,
  });
  pool = { piscina, settings };
  return pool;
}

/** Extracts an article's bundle in a worker thread; refusals are the same errors as in-process extraction. */
export async function extractInWorker(
  bytes: Uint8Array,
  filename: string | undefined,
  knownEntities: KnownEntity[],
): Promise<ArticleBundle> {
  const { piscina, settings } = extractionPool();
  const job: ExtractionJob = { bytes, filename, knownEntities };
  const signal = AbortSignal.timeout(settings.timeoutMs);
  try {
    return rethrow((await piscina.run(job, { signal })) as ExtractionOutcome);
  } catch (error) {
    if (signal.aborted) throw new ExtractionTimeoutError(settings.timeoutMs);
    // Piscina's own refusals when every worker is busy and the queue is full; the user gets one that says what to do.
    if (/^(Task queue is at limit|No task queue available)/.test((error as Error).message))
      throw new ExtractionBusyError(piscina.queueSize);
    throw error;
  }
}

/** Stops the workers (tests and shutdown); the next extraction starts a new pool. */
export async function closeExtractionPool(): Promise<void> {
  const current = pool;
  pool = undefined;
  await current?.piscina.destroy();
}
