import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";

/** What an HTML page says about its article: metadata and the body as plain paragraphs. */
export interface HtmlArticle {
  title?: string;
  publisher?: string;
  publishedAt?: string;
  language?: string;
  url?: string;
  text: string;
}

/**
 * Page furniture removed before Readability scores the page. Readability is
 * good at finding the main column, but news sites put tickers, "related news"
 * lists and photo captions inside that column, so they go first, by element
 * and by the class/id names sites give them.
 */
const FURNITURE_SELECTORS = [
  "script",
  "style",
  "noscript",
  "template",
  "nav",
  "header",
  "footer",
  "aside",
  "form",
  "figcaption",
  "figure",
  "iframe",
  "[role=navigation]",
  "[role=banner]",
  "[role=contentinfo]",
  "[aria-hidden=true]",
];
const FURNITURE_NAME =
  /(^|[\s_-])(nav|menu|ticker|breaking|urgent|related|relateds|more-news|read-more|caption|credit|footer|header|share|social|tags|newsletter|advert|ads?|promo|sidebar|comments?|logo|breadcrumbs?)([\s_-]|$)/i;

/** Finds the article body of an HTML page and reads its metadata. */
export function readHtmlArticle(html: string): HtmlArticle {
  const { document } = parseHTML(html);
  const meta = (selector: string) => document.querySelector(selector)?.getAttribute("content")?.trim() || undefined;
  const h1 = document.querySelector("h1")?.textContent?.trim();
  const result: HtmlArticle = {
    title:
      meta('meta[property="og:title"]') ?? h1 ?? (document.querySelector("title")?.textContent?.trim() || undefined),
    publisher: meta('meta[property="og:site_name"]') ?? meta('meta[name="publisher"]'),
    publishedAt:
      meta('meta[property="article:published_time"]') ??
      meta('meta[name="date"]') ??
      document.querySelector("time[datetime]")?.getAttribute("datetime") ??
      undefined,
    language: document.documentElement?.getAttribute("lang") ?? undefined,
    url: document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? meta('meta[property="og:url"]'),
    text: "",
  };
  for (const el of document.querySelectorAll(FURNITURE_SELECTORS.join(","))) el.remove();
  for (const el of document.querySelectorAll("[class],[id]")) {
    const names = `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`;
    if (FURNITURE_NAME.test(names) && !isMainColumn(el)) el.remove();
  }
  const parsed = new Readability(document as unknown as Document, { charThreshold: 100 }).parse();
  const bodyHtml = parsed?.content ?? document.body?.innerHTML ?? "";
  result.text = blocksToText(bodyHtml);
  if (!result.title && parsed?.title) result.title = parsed.title;
  if (!result.publisher && parsed?.siteName) result.publisher = parsed.siteName;
  return result;
}

/** An element holding most of the paragraphs is the article even if its class says "header" or the like. */
function isMainColumn(el: Element): boolean {
  return el.querySelectorAll("p").length >= 3;
}

/** Paragraph-level blocks joined by blank lines, so sentence and paragraph splitting see the page's structure. */
function blocksToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const blocks: string[] = [];
  for (const el of document.querySelectorAll("h1,h2,h3,h4,h5,h6,p,li,blockquote,pre")) {
    if (el.querySelector("p,li,blockquote")) continue;
    const text = (el.textContent ?? "").replace(/\s+/g, " ").trim();
    if (text) blocks.push(text);
  }
  if (blocks.length === 0) blocks.push((document.body?.textContent ?? "").replace(/\s+/g, " ").trim());
  return blocks.join("\n\n");
}
