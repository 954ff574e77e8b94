import type { ArticleBundle, BundleIssue } from "./types.ts";

/**
 * The analyst's marks in a reviewed bundle (`assertedBy: "ANALYST"` on an
 * item, `locationsAssertedBy` for an event's places): what the analyst
 * changed or created in the ingest review. Only an editor key's review may
 * carry them (the key's name becomes the asserter, never anything in the
 * bundle), so a marked bundle arriving any other way — a file, the CLI, an
 * import — is refused, naming each mark.
 */

/** Every mark in the bundle, as a JSON pointer to the mark. */
export function analystMarks(b: ArticleBundle): string[] {
  const out: string[] = [];
  const mark = (x: { assertedBy?: string }, path: string) => {
    if (x.assertedBy) out.push(`${path}/assertedBy`);
  };
  for (const [i, a] of b.actors.entries()) mark(a, `/actors/${i}`);
  for (const [i, l] of b.locations.entries()) mark(l, `/locations/${i}`);
  for (const [i, e] of b.events.entries()) {
    mark(e, `/events/${i}`);
    for (const [j, p] of e.participants.entries()) mark(p, `/events/${i}/participants/${j}`);
    for (const place of Object.keys(e.locationsAssertedBy ?? {}))
      out.push(`/events/${i}/locationsAssertedBy/${pointerKey(place)}`);
  }
  for (const [i, c] of b.claims.entries()) mark(c, `/claims/${i}`);
  for (const [i, r] of (b.relations ?? []).entries()) mark(r, `/relations/${i}`);
  return out;
}

/** A JSON pointer escapes "~" and "/" in a key. */
const pointerKey = (key: string) => key.replaceAll("~", "~0").replaceAll("/", "~1");

/**
 * What is wrong with the bundle's marks: any mark when no analyst is named
 * (`analyst` is the editor key's name, from the request, or undefined), and
 * a marked place that is not one of the event's places.
 */
export function analystMarkIssues(b: ArticleBundle, analyst: string | undefined): BundleIssue[] {
  const issues: BundleIssue[] = [];
  if (!analyst)
    for (const path of analystMarks(b))
      issues.push({
        path,
        message: "only an analyst's review with an editor key (ingestBundle) may mark a fact as asserted by ANALYST",
      });
  b.events.forEach((e, i) => {
    for (const place of Object.keys(e.locationsAssertedBy ?? {}))
      if (!e.locations.includes(place))
        issues.push({
          path: `/events/${i}/locationsAssertedBy/${pointerKey(place)}`,
          message: `"${place}" is not one of this event's locations`,
        });
  });
  return issues;
}
