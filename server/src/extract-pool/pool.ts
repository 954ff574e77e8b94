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

interface Pool {
  piscina: Piscina;
  settings: ExtractionSettings;
  /** Articles admitted and not yet finished: running on a worker or waiting for one. */
  admitted: number;
}

let pool: Pool | undefined;

/**
 * The extraction worker pool, started on first use: extraction is CPU-bound
 * (seconds for a long article), and on the event loop it would stall every
 * other request. Idle workers stay warm for a minute and never keep the
 * process alive.
 */
function extractionPool(): Pool {
  if (pool) return pool;
  const settings = extractionSettings(process.env);
  const piscina = new Piscina({
    filename: new URL("./worker.mjs", import.meta.url).href,
    minThreads: 0,
    maxThreads: settings.workers,
    idleTimeout: 60_000,
    // Workers run at a lower CPU priority than the event loop (Linux applies nice per thread), so on a
    // busy machine the thread answering requests wins the CPU over a long extraction (needs @napi-rs/nice).
    niceIncrement: 10,
  });
  pool = { piscina, settings, admitted: 0 };
  return pool;
}

/** Extracts an article's bundle in a worker thread; refusals are the same errors as in-process extraction. */
export async function extractInWorker(
  bytes: Uint8Array,
  filename: string | undefined,
  knownEntities: KnownEntity[],
): Promise<ArticleBundle> {
  const current = extractionPool();
  const { piscina, settings } = current;
  // Admission is counted here rather than left to Piscina's maxQueue, which does not count the
  // tasks waiting for a worker that is still starting: one per worker running, `queue` more waiting.
  if (current.admitted >= settings.workers + settings.queue)
    throw new ExtractionBusyError(current.admitted - settings.workers);
  current.admitted++;
  const job: ExtractionJob = { bytes, filename, knownEntities };
  const signal = AbortSignal.timeout(settings.timeoutMs);
  try {
    return rethrow((await piscina.run(job, { signal })) as ExtractionOutcome);
  } catch (error) {
    if (signal.aborted) throw new ExtractionTimeoutError(settings.timeoutMs);
    throw error;
  } finally {
    current.admitted--;
  }
}

/** Stops the workers (tests and shutdown); the next extraction starts a new pool. */
export async function closeExtractionPool(): Promise<void> {
  const current = pool;
  pool = undefined;
  await current?.piscina.destroy();
}
