import assert from "node:assert/strict";
import { test } from "node:test";
import { extractArticle } from "../../src/extract/index.ts";
import { article, extract } from "./helpers.ts";

const dateOf = (text: string, type: string, language: "ar" | "en" = "ar", published?: string) => {
  const b = published ? extractArticle(article(text, language, published)) : extract(text, language);
  const e = b.events.find((x) => x.type === type);
  return e && { edtf: e.edtf, precision: e.precision, start: e.start, end: e.end };
};

test("an undated present-tense report opening with يحاول is the week up to publication", () => {
  const d = dateOf("ويحاول رئيس الوزراء العراقي عبر وسطاء محليين إقناع الفصائل بالإبقاء على الهدنة.", "MEDIATION");
  assert.deepEqual(d, { edtf: "2024-08-15/2024-08-22", precision: "RANGE", start: "2024-08-15", end: "2024-08-22" });
});

test("what began 'since' a month lasts from that month to publication", () => {
  const d = dateOf("وكانت جماعة أنصار الله قد بدأت استهداف السفن في البحر الأحمر منذ نوفمبر الماضي.", "ATTACK");
  assert.equal(d?.edtf, "2023-11/2024-08-22");
  assert.equal(d?.precision, "RANGE");
});

test("an undated past happening in an article framed by 'since February' is bounded by that period", () => {
  const text = [
    "وبحسب مصدر، فإن التنسيقية عقدت اجتماعًا لقياداتها.",
    "ومنذ شباط الماضي، أعلنت الفصائل المسلحة إيقاف عملياتها ضد القوات الأمريكية.",
  ].join("\n\n");
  assert.equal(dateOf(text, "MEETING")?.edtf, "2024-02/2024-08-22");
});

test("'a day after' a stated day dates the event to the day before, never a guessed day otherwise", () => {
  const text =
    "Hundreds of protesters gathered outside Erbil airport on Tuesday, a day after three rockets struck near the Erbil air base.";
  assert.equal(dateOf(text, "PROTEST", "en", "2024-03-12T14:30:00Z")?.edtf, "2024-03-12");
  assert.equal(dateOf(text, "SHELLING", "en", "2024-03-12T14:30:00Z")?.edtf, "2024-03-11");
});

test("'since D, when X' dates X on D, apart from the event told before it", () => {
  const b = extractArticle(
    article(
      "The attack came on 1 Ramadan 1445 AH, the first on the base since 15 January 2024, when Iran fired missiles at Erbil.",
      "en",
      "2024-03-12T14:30:00Z",
    ),
  );
  const dates = b.events.map((e) => e.edtf).sort();
  assert.deepEqual(dates, ["2024-01-15", "2024-03-11"]);
});

test("what has held 'for about six months' began an approximate month six months before publication", () => {
  const d = dateOf(
    "Analysts say the strike may signal a split over the truce that has held for about six months.",
    "CEASEFIRE",
    "en",
  );
  assert.deepEqual(d, { edtf: "2024-02~", precision: "APPROXIMATE", start: "2024-01-22", end: "2024-03-22" });
});

test("a truce broken after strikes yields the strikes, not a separate end-of-truce event", () => {
  const b = extract(
    "ومنذ شباط الماضي، أعلنت الفصائل المسلحة إيقاف عملياتها ضمن هدنة عقدتها، لكن تلك الهدنة كسرت بعد ضربات وجهتها تلك الفصائل لقاعدة عين الأسد.",
  );
  const types = b.events.map((e) => e.type);
  assert.ok(types.includes("ATTACK"));
  assert.ok(!types.includes("CEASEFIRE_END"));
  assert.equal(b.events.find((e) => e.type === "ATTACK")?.edtf, "2024-02/2024-08-22");
  assert.ok(extract("وأعلنت الفصائل انتهاء الهدنة.").events.some((e) => e.type === "CEASEFIRE_END"));
});

test("'أن' before a trigger is a supposition only when the clause says what it would bring", () => {
  assert.ok(
    dateOf('وقال مسؤول يمني لـ"الجزيرة" إن المفاوضات بين صنعاء والرياض متوقفة منذ قبل شهرين تقريبًا.', "NEGOTIATION"),
  );
  const b = extract('وأضاف أن "واشنطن تدرك أن انسحابها اليوم من العراق يعني كشف ظهر قواعدها في الخليج".');
  assert.ok(!b.events.some((e) => e.type === "WITHDRAWAL"));
});

test("weapons supplied are not a shelling", () => {
  const b = extract("ونفت وزارة الخارجية الإيرانية، الأسبوع الماضي، تزويد الحوثيين بالصواريخ.");
  assert.ok(!b.events.some((e) => e.type === "SHELLING"));
});

test("a later 'الجولة السابقة' is another round of what the article called a round, with its own date", () => {
  const b = extract(
    [
      "عقد وفد عراقي جولة مفاوضات مع الجانب الأمريكي في واشنطن الأسبوع الماضي.",
      "وأوضح النائب أن الجولة السابقة عُقدت قبل خمسة أشهر تقريبًا دون نتائج.",
    ].join("\n\n"),
  );
  const talks = b.events.filter((e) => e.type === "NEGOTIATION").map((e) => e.edtf);
  assert.deepEqual(talks, ["2024-08-12/2024-08-18", "2024-03~"]);
  assert.equal(extract("وبدأ الوزير جولة في المنطقة.").events.length, 0);
});
