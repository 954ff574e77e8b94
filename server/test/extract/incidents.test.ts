import assert from "node:assert/strict";
import { test } from "node:test";
import { findDates } from "../../src/extract/dates/dates.ts";
import { buildDoc } from "../../src/extract/document.ts";
import { extractArticle } from "../../src/extract/index.ts";
import { article } from "./helpers.ts";

const datesOf = (text: string, language: "ar" | "en", published: string) =>
  findDates(buildDoc(article(text, language, published))).map((d) => d.edtf);

const eventsOf = (text: string, language: "ar" | "en", published: string) =>
  extractArticle(article(text, language, published)).events;

test("a month and day without a year is the latest such day up to publication ('on June 2', '(Sep 28)')", () => {
  assert.deepEqual(datesOf("On June 2, the group attacked an army base.", "en", "2025-07-02"), ["2025-06-02"]);
  assert.ok(
    datesOf("Seven soldiers were killed on Thursday (Sep 28) in an ambush.", "en", "2023-09-29").includes("2023-09-28"),
  );
  assert.deepEqual(datesOf("On December 30, the rebels shelled the town.", "en", "2025-01-03"), ["2024-12-30"]);
});

test("an Arabic ordinal day before a month is that day ('في الأول من يوليو 2025')", () => {
  assert.deepEqual(datesOf("شهدت البلاد في الأول من يوليو 2025 موجة هجمات.", "ar", "2025-07-02"), ["2025-07-01"]);
});

test("today, overnight, last night and the current week, month or year resolve against publication", () => {
  assert.deepEqual(datesOf("At least 13 people were killed in overnight fighting.", "en", "2022-07-23"), [
    "2022-07-22",
  ]);
  assert.deepEqual(datesOf("قتل خمسة أشخاص في غارة الليلة الماضية.", "ar", "2024-08-22"), ["2024-08-21"]);
  assert.deepEqual(datesOf("أعلن الدفاع المدني مقتل 20 شخصا منذ فجر اليوم.", "ar", "2024-08-22"), ["2024-08-22"]);
  assert.deepEqual(datesOf("Fighting broke out earlier this month.", "en", "2024-08-22"), ["2024-08"]);
  assert.deepEqual(datesOf("تصاعدت الهجمات خلال الشهر الجاري.", "ar", "2024-08-22"), ["2024-08"]);
  assert.deepEqual(datesOf("Protests spread this week.", "en", "2024-08-22"), ["2024-08-19/2024-08-22"]);
});

test("'last Sunday' published on a Sunday is a week back, a bare Sunday is the same day", () => {
  assert.deepEqual(datesOf("استهدف الحوثيون يوم الأحد الماضي ناقلة نفط.", "ar", "2025-08-31"), ["2025-08-24"]);
  assert.deepEqual(datesOf("استهدف الحوثيون يوم الأحد ناقلة نفط.", "ar", "2025-08-31"), ["2025-08-31"]);
});

test("a dateline dates the report, not the events it tells", () => {
  const text =
    "BEIRUT, June 12 (Reuters) - An Israeli strike on a village in southern Lebanon late Tuesday killed four.";
  const [strike] = eventsOf(text, "en", "2024-06-12");
  assert.equal(strike.edtf, "2024-06-11");
});

test("one incident told in several sentences is one event, with the date the text gives it", () => {
  const text = [
    "Gunmen attacked an army post in the town of Kandi in Benin on Thursday.",
    "Eleven soldiers were killed, the army said in a statement.",
    "The assault was one of the deadliest in the region, according to a security source.",
  ].join("\n\n");
  const events = eventsOf(text, "en", "2025-01-10");
  assert.equal(events.length, 1, events.map((e) => `${e.type} ${e.edtf}`).join("; "));
  assert.equal(events[0].edtf, "2025-01-09");
});

test("attacks on different named places stay apart; deaths beside an air strike are its toll, not a second event", () => {
  const text = [
    "Russian forces shelled Kharkiv on Monday.",
    "On Tuesday, a missile attack hit the port of Odesa.",
    "Three people were killed in an air strike on the city, officials said.",
  ].join("\n\n");
  const events = eventsOf(text, "en", "2024-03-06");
  assert.equal(events.length, 2, events.map((e) => `${e.type} ${e.edtf}`).join("; "));
});

test("a casualty word alone reports an attack; a truce brokered is the mediation's, not a second event", () => {
  const killed = eventsOf("قتل ثلاثة جنود في منطقة تاهوا غرب البلاد مساء السبت.", "ar", "2024-08-25");
  assert.deepEqual(
    killed.map((e) => [e.type, e.edtf]),
    [["ATTACK", "2024-08-24"]],
  );
  const brokered = eventsOf("On Friday, another armed group stepped in to broker a truce.", "en", "2022-07-23");
  assert.deepEqual(
    brokered.map((e) => e.type),
    ["MEDIATION"],
  );
});

test("an undated happening beside a dated one takes the article's news day, not 'some time before publication'", () => {
  const text = [
    "قتل شخص اليوم الاثنين 22 تموز 2024 بغارة إسرائيلية على منزل في بلدة شيحين جنوب لبنان.",
    "كما تعرضت بلدة كفركلا لقصف مدفعي إسرائيلي.",
  ].join("\n\n");
  const events = eventsOf(text, "ar", "2024-07-22");
  assert.ok(events.length >= 1);
  for (const e of events) assert.equal(e.edtf, "2024-07-22", `${e.type} ${e.edtf}`);
});

test("a speech's date is the claim's date, and the attack it tells is not redated to it", () => {
  const text = [
    "A cargo ship was damaged in the Red Sea on Monday following a missile attack.",
    "In a televised speech on Tuesday, a Houthi spokesman claimed the group had attacked the ship.",
  ].join("\n\n");
  const b = extractArticle(article(text, "en", "2024-04-30"));
  const violent = b.events.filter((e) => ["ATTACK", "AIRSTRIKE", "SHELLING", "ARMED_CLASH"].includes(e.type));
  assert.deepEqual(
    violent.map((e) => e.edtf),
    ["2024-04-29"],
  );
});

test("when 'X said' is followed by a clause, that clause is the statement, not the time before the speaker", () => {
  const b = extractArticle(
    article(
      "On Monday, Ihor Terekhov, the mayor of Kharkiv, said at least nine people were killed in the shelling.",
      "en",
      "2022-03-01",
    ),
  );
  const claim = b.claims.find((c) => b.article.text.slice(c.evidence[0].start, c.evidence[0].end).includes("nine"));
  assert.ok(claim, JSON.stringify(b.claims.map((c) => c.evidence[0].text)));
});
