import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { ErrorObject, ValidateFunction } from "ajv";
import { isClaimLink } from "../model/vocabulary.ts";
import { analystMarkIssues } from "./analyst-marks.ts";
import type { ArticleBundle, BundleIssue, Span } from "./types.ts";

export type { BundleIssue };

/** Thrown when a bundle is refused; `issues` names every problem found, not just the first. */
export class BundleValidationError extends Error {
  readonly issues: BundleIssue[];
  constructor(issues: BundleIssue[]) {
    const shown = issues
      .slice(0, 20)
      .map((i) => `  ${i.path || "/"}: ${i.message}`)
      .join("\n");
    const more = issues.length > 20 ? `\n  … and ${issues.length - 20} more` : "";
    super(`invalid article bundle (${issues.length} error${issues.length === 1 ? "" : "s"}):\n${shown}${more}`);
    this.name = "BundleValidationError";
    this.issues = issues;
  }
}

const schemaUrl = new URL("../../../schema/article-bundle.schema.json", import.meta.url);
let compiled: ValidateFunction | undefined;

function schemaValidator(): ValidateFunction {
  if (compiled) return compiled;
  // ajv ships CommonJS; the 2020-12 build is needed for the schema's draft.
  const require = createRequire(import.meta.url);
  const Ajv2020 = require("ajv/dist/2020").default;
  const addFormats = require("ajv-formats").default;
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  compiled = ajv.compile(JSON.parse(readFileSync(schemaUrl, "utf8"))) as ValidateFunction;
  return compiled;
}

function describeSchemaError(e: ErrorObject): BundleIssue {
  const params = e.params as Record<string, unknown>;
  let message = e.message ?? "is invalid";
  if (e.keyword === "additionalProperties") message = `unknown property "${params.additionalProperty}"`;
  if (e.keyword === "required") message = `missing required property "${params.missingProperty}"`;
  if (e.keyword === "enum") message = `must be one of ${(params.allowedValues as unknown[]).join(", ")}`;
  return { path: e.instancePath, message };
}

/** Options for {@link validateBundle}. */
export interface ValidateOptions {
  /**
   * The editor key's name when the bundle comes from an analyst's review
   * (ingestBundle): only then may items be marked `assertedBy: "ANALYST"`.
   */
  analyst?: string;
}

/**
 * Validates a bundle against the JSON Schema, then checks what a schema cannot:
 * unique ids, references that resolve inside the bundle, spans inside the text
 * whose quoted text matches, start ≤ end for event dates, and analyst marks
 * only from an analyst (bundle/analyst-marks.ts).
 */
export function validateBundle(input: unknown, options: ValidateOptions = {}): ArticleBundle {
  const validate = schemaValidator();
  if (!validate(input)) {
    // An error in a oneOf/type branch is often repeated; keep each path+message once.
    const seen = new Set<string>();
    const issues = (validate.errors ?? []).map(describeSchemaError).filter((i) => {
      const key = `${i.path}\u0000${i.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    throw new BundleValidationError(issues);
  }
  const bundle = input as ArticleBundle;
  const issues = [...semanticIssues(bundle), ...analystMarkIssues(bundle, options.analyst)];
  if (issues.length > 0) throw new BundleValidationError(issues);
  return bundle;
}

function semanticIssues(b: ArticleBundle): BundleIssue[] {
  const issues: BundleIssue[] = [];
  const text = b.article.text;
  const ids = new Map<string, string>();
  const checkSpans = (spans: Span[] | undefined, path: string) => {
    spans?.forEach((s, i) => {
      const p = `${path}/${i}`;
      if (s.end <= s.start) issues.push({ path: p, message: `end (${s.end}) must be greater than start (${s.start})` });
      else if (s.end > text.length)
        issues.push({ path: p, message: `end (${s.end}) is past the end of article.text (${text.length})` });
      else if (s.text !== undefined && text.slice(s.start, s.end) !== s.text)
        issues.push({
          path: `${p}/text`,
          message: `does not match article.text[${s.start}:${s.end}] ("${text.slice(s.start, s.end)}")`,
        });
    });
  };
  const define = (id: string, path: string) => {
    const previous = ids.get(id);
    if (previous) issues.push({ path: `${path}/id`, message: `duplicate id "${id}" (first defined at ${previous})` });
    else ids.set(id, path);
  };
  const ref = (id: string | undefined, path: string, prefixes: string[]) => {
    if (id === undefined) return;
    if (!ids.has(id)) issues.push({ path, message: `refers to "${id}", which is not defined in this bundle` });
    else if (!prefixes.some((p) => id.startsWith(`${p}:`)))
      issues.push({ path, message: `"${id}" must be a ${prefixes.join(" or ")}` });
  };

  for (const [i, a] of b.actors.entries()) define(a.id, `/actors/${i}`);
  for (const [i, l] of b.locations.entries()) define(l.id, `/locations/${i}`);
  for (const [i, e] of b.events.entries()) define(e.id, `/events/${i}`);
  for (const [i, c] of b.claims.entries()) define(c.id, `/claims/${i}`);

  for (const [i, a] of b.actors.entries()) checkSpans(a.evidence, `/actors/${i}/evidence`);
  b.locations.forEach((l, i) => {
    checkSpans(l.evidence, `/locations/${i}/evidence`);
    ref(l.within, `/locations/${i}/within`, ["location"]);
    if (l.within === l.id)
      issues.push({ path: `/locations/${i}/within`, message: "a location cannot be within itself" });
  });
  b.events.forEach((e, i) => {
    const p = `/events/${i}`;
    checkSpans(e.evidence, `${p}/evidence`);
    e.participants.forEach((pa, j) => {
      ref(pa.actor, `${p}/participants/${j}/actor`, ["actor"]);
      checkSpans(pa.evidence, `${p}/participants/${j}/evidence`);
    });
    for (const [j, l] of e.locations.entries()) ref(l, `${p}/locations/${j}`, ["location"]);
    if (e.start && e.end && instant(e.start) > instant(e.end))
      issues.push({ path: `${p}/end`, message: `end (${e.end}) is before start (${e.start})` });
    if (e.precision !== "UNKNOWN" && !e.start && !e.end)
      issues.push({ path: `${p}/precision`, message: `precision ${e.precision} needs a start or an end date` });
  });
  b.claims.forEach((c, i) => {
    const p = `/claims/${i}`;
    checkSpans(c.evidence, `${p}/evidence`);
    ref(c.claimant, `${p}/claimant`, ["actor"]);
    ref(c.toldTo, `${p}/toldTo`, ["actor"]);
    for (const [j, a] of c.about.entries()) ref(a, `${p}/about/${j}`, ["event", "actor", "location"]);
  });
  b.relations?.forEach((r, i) => {
    const p = `/relations/${i}`;
    const kind = isClaimLink(r.type) ? "claim" : "actor";
    ref(r.from, `${p}/from`, [kind]);
    ref(r.to, `${p}/to`, [kind]);
    if (r.from === r.to) issues.push({ path: p, message: "a relation cannot tie an entity to itself" });
    checkSpans(r.evidence, `${p}/evidence`);
  });
  if (Number.isNaN(Date.parse(b.article.publishedAt)))
    issues.push({ path: "/article/publishedAt", message: `"${b.article.publishedAt}" is not a real date` });
  return issues;
}

/** Milliseconds of an ISO date or date-time; a bare date counts as its first instant (UTC). */
function instant(iso: string): number {
  return Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
}
