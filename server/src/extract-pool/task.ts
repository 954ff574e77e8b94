import type { ArticleBundle } from "../bundle/types.ts";
import { BundleValidationError } from "../bundle/validate.ts";
import { extractArticle } from "../extract/index.ts";
import { ArticleInputError } from "../extract/input-error.ts";
import { parseArticleInput } from "../extract/parse-input.ts";
import type { KnownEntity } from "../extract/types.ts";

/** What one extraction job is given: the article as file bytes, and the names the graph already knows. */
export interface ExtractionJob {
  bytes: Uint8Array;
  filename?: string;
  knownEntities: KnownEntity[];
}

/**
 * The job's outcome as plain data: errors cross the thread boundary as
 * structured clones, which keep neither the class nor its fields, so the
 * refusals a user can act on travel as data and are rebuilt as the same
 * classes on the other side (see {@link rethrow}).
 */
export type ExtractionOutcome =
  | { ok: true; bundle: ArticleBundle }
  | { ok: false; kind: "input"; field: string; message: string }
  | { ok: false; kind: "bundle"; issues: BundleValidationError["issues"] };

/** Reads and extracts one article; runs in a worker thread (and in tests, in-process). */
export function runExtraction(job: ExtractionJob): ExtractionOutcome {
  try {
    const input = parseArticleInput(job.bytes, job.filename);
    return { ok: true, bundle: extractArticle(input, { knownEntities: job.knownEntities }) };
  } catch (error) {
    if (error instanceof ArticleInputError)
      return { ok: false, kind: "input", field: error.field, message: error.message };
    if (error instanceof BundleValidationError) return { ok: false, kind: "bundle", issues: error.issues };
    throw error;
  }
}

/** The bundle of a successful outcome; a refusal becomes the error class extraction throws in-process. */
export function rethrow(outcome: ExtractionOutcome): ArticleBundle {
  if (outcome.ok) return outcome.bundle;
  if (outcome.kind === "bundle") throw new BundleValidationError(outcome.issues);
  const error = new ArticleInputError(outcome.field, "");
  error.message = outcome.message;
  throw error;
}
