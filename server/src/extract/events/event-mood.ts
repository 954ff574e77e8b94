import type { ExtractState } from "../state.ts";

/**
 * Words just before a trigger that make it unreal: negated (لم، لن، not),
 * future or conditional (سوف، إذا، will, if), hoped for or scheduled (جدولة،
 * على أمل) — the event is talked about, not reported.
 */
const IRREALIS =
  /^(لن|لم|لا|عدم|سوف|اذا|لو|جدوله|امل|بحث|لبحث|discuss|discussed|not|no|never|will|would|could|if|may|might|won|possible)$/;
/** Verbs in the future tense (ستقدم، سيصعب). */
const FUTURE_VERB = /^(ست|سي)[^ا]/;
/** What a supposed event would lead to: "أن انسحابها اليوم يعني …" / "withdrawal would mean …". */
const CONSEQUENCE = /^(يعني|تعني|سيؤدي|ستؤدي|قد|means|mean|would)$/;

/**
 * True when the trigger at token i is talked about rather than reported. "أن"
 * right before a trigger noun introduces a fact as often as a supposition
 * ("إن المفاوضات متوقفة" reports stalled talks); it marks a supposition only
 * when the clause goes on to say what the event would bring ("أن انسحابها
 * اليوم يعني كشف ظهر قواعدها").
 */
export function irrealis(state: ExtractState, i: number, from: number, to: number): boolean {
  const { tokens } = state.doc;
  for (let k = Math.max(from, i - 3); k < i; k++) {
    const t = tokens[k];
    if (t.variants.some((v) => IRREALIS.test(v))) return true;
    if (FUTURE_VERB.test(t.norm.replace(/^و/, ""))) return true;
  }
  if (!tokens[i - 1]?.variants.includes("ان") || i - 1 < from) return false;
  for (let k = i + 1; k < Math.min(to, i + 8); k++) {
    const norm = tokens[k].norm.replace(/^و/, "");
    if (CONSEQUENCE.test(norm) || FUTURE_VERB.test(norm)) return true;
  }
  return false;
}

/** "الهدنة" / "the truce" / "these attacks" refers back to a truce already told; "هدنة" / "a truce" introduces one. */
export function isDefinite(state: ExtractState, i: number): boolean {
  const t = state.doc.tokens[i];
  if (t.arabic) return /^(و|ف|ب|ل)?(ال|لل)/.test(t.norm);
  return /^(the|this|these|that|those)$/.test(state.doc.tokens[i - 1]?.norm ?? "");
}
