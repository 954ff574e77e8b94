import { normalizeArabic } from "../text/arabic-normalize.ts";

/** One line of the text and whether it is the article's own prose. */
export interface Block {
  start: number;
  end: number;
  content: boolean;
  /** Why a line is not content (for debugging and tests). */
  reason?: string;
}

/** Lines that announce the next line as a ticker or a link to another story. */
const MARKERS = [
  /^(عاجل|خبر عاجل|breaking|breaking news|urgent|just in)$/i,
  /^(أخبار ذات علاقة|اخبار ذات علاقه|أخبار ذات صلة|اقرأ أيضا|اقرأ أيضًا|اقرا ايضا|مواضيع ذات صلة|related|related news|related stories|read more|read also|see also|more on this)[:：]?$/i,
];
/** Lines that are page furniture wherever they stand: logos, copyright, follow-us, photo credits, bare datelines. */
const FURNITURE = [
  /^(logo|شعار)$/i,
  /(جميع الحقوق محفوظة|all rights reserved|©|copyright)/i,
  /^(تابعونا على|تابعنا على|follow us|share|شارك|advertisement|إعلان)\b/i,
  /(المصدر|الصورة|تصوير|photo|image|credit|source)\s*[:：]\s*\S+/i,
  /^\d{1,2}\s+\S+\s+\d{4}[،,]?\s*\d{1,2}:\d{2}\s*(ص|م|am|pm)?$/i,
];

/**
 * Classifies each line of a news page: prose is content; tickers, logos,
 * section names, repeated headlines, captions, related-news headlines, short
 * sub-headings and footers are not. The text itself is left untouched so
 * evidence spans still index it; only the flag decides what is read.
 */
export function classifyLines(text: string, title: string): Block[] {
  const blocks: Block[] = [];
  const titleKey = key(title);
  let announced: string | null = null;
  let pos = 0;
  while (pos <= text.length) {
    const nl = text.indexOf("\n", pos);
    const end = nl === -1 ? text.length : nl;
    const line = text.slice(pos, end);
    const trimmed = line.trim();
    if (trimmed.length > 0) {
      const lead = pos + line.indexOf(trimmed);
      const block: Block = { start: lead, end: lead + trimmed.length, content: false };
      const reason = furnitureReason(trimmed, titleKey, announced);
      announced = null;
      if (reason === "marker") announced = trimmed;
      if (reason) block.reason = reason;
      else block.content = true;
      blocks.push(block);
    }
    if (nl === -1) break;
    pos = nl + 1;
  }
  return blocks;
}

function furnitureReason(line: string, titleKey: string, announced: string | null): string | undefined {
  if (MARKERS.some((m) => m.test(line))) return "marker";
  if (announced) return `announced by "${announced}"`;
  if (FURNITURE.some((f) => f.test(line))) return "furniture";
  // Folding only drops or replaces characters, so a line shorter than the title's key cannot be the headline.
  if (titleKey && line.length >= titleKey.length && key(line) === titleKey) return "headline";
  const words = line.split(/\s+/).length;
  const sentenceLike = /[.!?؟:»"”]$/.test(line) || words >= 8;
  if (!sentenceLike) return "heading";
  return undefined;
}

function key(s: string): string {
  return normalizeArabic(s).toLowerCase().replace(/\s+/g, " ").trim();
}
