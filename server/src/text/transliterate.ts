/**
 * A rough, deterministic Arabic → Latin transliteration for slugs of names
 * the gazetteer does not know. It is for stable ids, not for display: the
 * Arabic name is kept beside it.
 */

const LETTERS: Record<string, string> = {
  ا: "a",
  أ: "a",
  إ: "i",
  آ: "a",
  ء: "",
  ؤ: "u",
  ئ: "i",
  ب: "b",
  ت: "t",
  ث: "th",
  ج: "j",
  ح: "h",
  خ: "kh",
  د: "d",
  ذ: "dh",
  ر: "r",
  ز: "z",
  س: "s",
  ش: "sh",
  ص: "s",
  ض: "d",
  ط: "t",
  ظ: "z",
  ع: "",
  غ: "gh",
  ف: "f",
  ق: "q",
  ك: "k",
  ل: "l",
  م: "m",
  ن: "n",
  ه: "h",
  ة: "a",
  و: "w",
  ي: "y",
  ى: "a",
};
/** Common given names whose conventional spelling letter-by-letter transliteration would miss. */
const NAMES: Record<string, string> = {
  علي: "ali",
  محمد: "mohammed",
  أحمد: "ahmed",
  احمد: "ahmed",
  حسين: "hussein",
  حسن: "hassan",
  عبد: "abd",
  عمر: "omar",
  خالد: "khaled",
  مصطفى: "mustafa",
  إبراهيم: "ibrahim",
  ابراهيم: "ibrahim",
  يوسف: "yousef",
  جعفر: "jaafar",
  قاسم: "qasim",
  هادي: "hadi",
  فالح: "falih",
  نوري: "nouri",
  عادل: "adel",
  سعد: "saad",
};

function word(w: string): string {
  if (NAMES[w]) return NAMES[w];
  const article = w.startsWith("ال") && w.length > 3;
  const stem = article ? w.slice(2) : w;
  let out = "";
  for (let i = 0; i < stem.length; i++) {
    const c = stem[i];
    const last = i === stem.length - 1;
    // Long vowels: و and ي between consonants or at the end are vowels, not glides.
    if (c === "و" && i > 0) out += last ? "u" : "u";
    else if (c === "ي" && i > 0) out += last ? "i" : "i";
    else out += LETTERS[c] ?? c;
  }
  out = out.replace(/(.)\1+/g, "$1$1").replace(/[^a-z0-9]/gi, "");
  return article ? `al-${out}` : out;
}

/** kebab-case slug of a name in Arabic or Latin script. */
export function slugify(name: string): string {
  const words = name
    .replace(/[\u064b-\u065f\u0670\u0640]/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return words
    .map((w) => (/[\u0600-\u06ff]/.test(w) ? word(w) : w.toLowerCase()))
    .join("-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 80);
}
