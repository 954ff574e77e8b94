import { createHash } from "node:crypto";

/**
 * An article's id and content hash come from its text alone, so the same text
 * ingested by any producer (the extractor, the hand-checked seed, a person)
 * lands on the same Article node.
 */
export function articleIdentity(text: string): { id: string; contentHash: string } {
  const hex = createHash("sha256").update(text, "utf8").digest("hex");
  return { id: `article:sha256-${hex.slice(0, 16)}`, contentHash: `sha256:${hex}` };
}
