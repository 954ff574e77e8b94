import assert from "node:assert/strict";
import { test } from "node:test";
import { findDates } from "../../src/extract/dates/dates.ts";
import { buildDoc } from "../../src/extract/document.ts";
import { article } from "./helpers.ts";

function dates(text: string, language: "ar" | "en" = "ar", published = "2024-08-22T07:16") {
  return findDates(buildDoc(article(text, language, published))).map((d) => ({
    edtf: d.edtf,
    precision: d.precision,
    start: d.start,
    end: d.end,
  }));
}

test("both Arabic month systems give the same day: 22 أغسطس 2024 and 22 آب 2024", () => {
  assert.deepEqual(dates("وقع الهجوم في 22 أغسطس 2024 على القاعدة.")[0].edtf, "2024-08-22");
  assert.deepEqual(dates("وقع الهجوم في 22 آب 2024 على القاعدة.")[0].edtf, "2024-08-22");
  assert.deepEqual(dates("أعلنت الفصائل في ٣ شباط ٢٠٢٤ تعليق عملياتها.")[0].edtf, "2024-02-03");
  assert.deepEqual(dates("أعلنت الفصائل في 3 فبراير 2024 تعليق عملياتها.")[0].edtf, "2024-02-03");
});

test("a month without a day stays a month", () => {
  assert.deepEqual(dates("ومنذ شباط الماضي، أعلنت الفصائل تعليق عملياتها.")[0], {
    edtf: "2024-02",
    precision: "MONTH",
    start: "2024-02-01",
    end: "2024-02-29",
  });
});

test("a Hijri date is converted to the Gregorian day (Umm al-Qura)", () => {
  assert.equal(dates("التقى الطرفان في ١٠ صفر ١٤٤٦ هـ في بغداد.")[0].edtf, "2024-08-14");
  assert.equal(dates("The attack came on 1 Ramadan 1445 AH near the base.", "en")[0].edtf, "2024-03-11");
});

test("relative dates resolve against publication with honest precision and EDTF", () => {
  assert.deepEqual(dates("وقع الهجوم أمس في القاعدة.")[0], {
    edtf: "2024-08-21",
    precision: "DAY",
    start: "2024-08-21",
    end: "2024-08-21",
  });
  assert.equal(dates("The attack happened yesterday at the base.", "en")[0].edtf, "2024-08-21");
  assert.deepEqual(dates("عقد الاجتماع الأسبوع الماضي في بغداد.")[0], {
    edtf: "2024-08-12/2024-08-18",
    precision: "RANGE",
    start: "2024-08-12",
    end: "2024-08-18",
  });
  assert.equal(dates("They met last week in Baghdad.", "en")[0].edtf, "2024-08-12/2024-08-18");
  assert.equal(dates("وشهدت الأيام القليلة الماضية هجمات عديدة.")[0].edtf, "2024-08-15/2024-08-21");
});

test("'about five months ago' is an approximate month, never a made-up exact day", () => {
  assert.deepEqual(dates("الشروط التي عقدت مع الحكومة قبل خمسة أشهر تقريبًا لم تنفذ.")[0], {
    edtf: "2024-03~",
    precision: "APPROXIMATE",
    start: "2024-02-22",
    end: "2024-04-22",
  });
  const en = dates("The deal was struck about five months ago in Baghdad.", "en")[0];
  assert.equal(en.edtf, "2024-03~");
  assert.equal(en.precision, "APPROXIMATE");
});

test("'since last February' starts an open period ending at publication for later events", async () => {
  const { extractArticle } = await import("../../src/extract/index.ts");
  const b = extractArticle(
    article(
      "ومنذ شباط الماضي، أعلنت الفصائل المسلحة إيقاف عملياتها ضد القوات الأمريكية، لكن تلك الهدنة كسرت بعد ضربات وجهتها تلك الفصائل لقاعدة عين الأسد.",
    ),
  );
  const truce = b.events.find((e) => e.type === "CEASEFIRE");
  const strikes = b.events.find((e) => e.type === "ATTACK");
  assert.equal(truce?.edtf, "2024-02");
  assert.equal(strikes?.edtf, "2024-02/2024-08-22");
  assert.equal(strikes?.precision, "RANGE");
});
