import type { EventType } from "../bundle/types.ts";
import { nameTokens } from "../text/tokenize.ts";

/** A word or phrase that reports an event of a type. `state` nouns (the truce, the talks) refer back to one event per article. */
export interface Trigger {
  words: string[];
  type: EventType;
  state?: boolean;
}

const RAW: [EventType, string[], boolean?][] = [
  [
    "ATTACK",
    [
      "هجوم",
      "هجمات",
      "هجمه",
      "استهداف",
      "استهدف",
      "استهدفت",
      "اعتداء",
      "اعتداءات",
      "ضربات",
      "ضربه",
      "attack",
      "attacks",
      "attacked",
      "targeted",
      "strikes",
      "struck",
    ],
  ],
  [
    "AIRSTRIKE",
    [
      "غاره",
      "غارات",
      "ضربه جويه",
      "ضربات جويه",
      "طائره مسيره",
      "طائرات مسيره",
      "airstrike",
      "airstrikes",
      "air strike",
      "air strikes",
      "drone strike",
      "drone strikes",
      "drone attack",
    ],
  ],
  [
    "SHELLING",
    [
      "قصف",
      "قصفت",
      "قذائف",
      "صواريخ كاتيوشا",
      "shelling",
      "shelled",
      "rocket attack",
      "rockets",
      "missiles",
      "mortar",
      "صواريخ",
    ],
  ],
  ["ARMED_CLASH", ["اشتباك", "اشتباكات", "اشتبك", "اشتبكت", "معارك", "clashes", "clashed", "firefight"]],
  [
    "THREAT",
    [
      "تلويح",
      "لوح",
      "لوحت",
      "تلوح",
      "يلوح",
      "تهديد",
      "هدد",
      "هددت",
      "يهدد",
      "تهدد",
      "توعد",
      "توعدت",
      "انهاء الهدنه",
      "threat",
      "threatened",
      "threatens",
      "threatening",
      "vowed",
    ],
  ],
  [
    "CEASEFIRE",
    [
      "هدنه",
      "الهدنه",
      "وقف اطلاق النار",
      "ايقاف عملياتها",
      "ايقاف العمليات",
      "تعليق عملياتها",
      "تعليق العمليات",
      "وقف عملياتها",
      "truce",
      "ceasefire",
      "cease-fire",
      "halt attacks",
      "suspended attacks",
      "suspended operations",
    ],
    true,
  ],
  [
    "CEASEFIRE_END",
    [
      "انهيار الهدنه",
      "كسر الهدنه",
      "خرق الهدنه",
      "انتهاء الهدنه",
      "كسرت",
      "انهارت",
      "broke the truce",
      "ended the truce",
      "collapsed",
    ],
  ],
  [
    "NEGOTIATION",
    ["مفاوضات", "محادثات", "تفاوض", "التفاوض", "negotiations", "talks", "negotiating", "negotiated"],
    true,
  ],
  ["MEETING", ["اجتماع", "اجتماعا", "لقاء", "التقي", "التقت", "قمه", "meeting", "met", "summit"]],
  ["MEDIATION", ["وساطه", "وسطاء", "وسيط", "mediation", "mediators", "mediated", "mediating"]],
  ["POSTPONEMENT", ["تاجيل", "اجل", "اجلت", "ارجاء", "postponed", "postponement", "postpone", "delayed"]],
  [
    "AGREEMENT",
    ["اتفاق", "اتفاقيه", "اتفاقيات", "الاتفاقيات", "اتفقت", "اتفق", "عقدت مع", "عقد مع", "agreement", "agreed", "deal"],
    true,
  ],
  ["WITHDRAWAL", ["انسحاب", "انسحبت", "انسحب", "سحب", "withdrawal", "withdrew", "withdraw", "pulled out"]],
  ["DEPLOYMENT", ["تعزيز قواتها", "تعزيزات", "نشر قوات", "deployed", "deployment", "reinforcements"]],
  [
    "PROTEST",
    [
      "احتجاج",
      "احتجاجات",
      "تظاهره",
      "تظاهرات",
      "مظاهرات",
      "تظاهر",
      "تظاهروا",
      "protest",
      "protests",
      "protesters",
      "demonstrators",
    ],
  ],
  ["ARREST", ["اعتقال", "اعتقل", "اعتقلت", "القبض", "arrested", "arrest", "detained"]],
  ["ANNOUNCEMENT", ["اعلان", "announcement"]],
];

/** Triggers by first folded word, longest first. */
export const TRIGGERS = new Map<string, Trigger[]>();
for (const [type, phrases, state] of RAW) {
  for (const p of phrases) {
    const words = nameTokens(p);
    const list = TRIGGERS.get(words[0]) ?? [];
    list.push({ words, type, state });
    TRIGGERS.set(words[0], list);
  }
}
for (const list of TRIGGERS.values()) list.sort((a, b) => b.words.length - a.words.length);

/** Pronoun and case endings a trigger noun may carry (مفاوضاتها، اجتماعًا). */
export const TRIGGER_SUFFIXES = new Set(["", "ها", "هم", "ه", "هما", "نا", "ا", "ات"]);

/**
 * Words just before a trigger that make it unreal: negated (لم، لن، not),
 * future or conditional (سوف، إذا، will, if), hoped for or scheduled (جدولة،
 * على أمل) or a clause after "أن" — the event is talked about, not reported.
 */
export const IRREALIS =
  /^(لن|لم|لا|عدم|سوف|اذا|لو|جدوله|امل|ان|بحث|لبحث|discuss|discussed|not|no|never|will|would|could|if|may|might|won|possible)$/;
/** Verbs in the future tense (ستقدم، سيصعب). */
export const FUTURE_VERB = /^(ست|سي)[^ا]/;
