import assert from "node:assert/strict";
import { test } from "node:test";
import { extract } from "./helpers.ts";

test("a denial is a DENIED claim with its speaker and the outlet it was told to", () => {
  const b = extract(
    'ونفى مصدر في كتائب حزب الله لـ"رويترز" مسؤولية الكتائب عن الهجوم، مؤكدًا أن «الهدنة ما زالت قائمة».',
  );
  const denial = b.claims.find((c) => c.certainty === "DENIED");
  assert.ok(denial);
  assert.equal(denial.text, "مسؤولية الكتائب عن الهجوم");
  assert.equal(denial.toldTo, "actor:reuters");
  const source = b.actors.find((a) => a.id === denial.claimant);
  assert.equal(source?.kind, "ANONYMOUS_SOURCE");
  assert.ok(b.relations?.some((r) => r.from === source?.id && r.to === "actor:kataib-hezbollah"));
  const quote = b.claims.find((c) => c.text === "«الهدنة ما زالت قائمة»");
  assert.equal(quote?.certainty, "ASSERTED");
  assert.equal(quote?.claimant, denial.claimant);
});

test("a hedge word makes a reported statement HEDGED", () => {
  const b = extract("وبحسب مسؤول أمني عراقي، فإن الطائرة ربما انطلقت من منطقة قريبة من الموصل.");
  assert.equal(b.claims[0].certainty, "HEDGED");
  assert.equal(b.claims[0].text, "الطائرة ربما انطلقت من منطقة قريبة من الموصل");
});

test("a titled person is found by pattern and speaks the quote that follows", () => {
  const b = extract('وقال المتحدث باسم الحكومة العراقية باسم العوادي إن "بغداد لم تكن على علم بالهجوم".');
  const speaker = b.actors.find((a) => a.id === b.claims[0].claimant);
  assert.equal(speaker?.kind, "PERSON");
  assert.equal(speaker?.name, "باسم العوادي");
  assert.equal(b.claims[0].text, '"بغداد لم تكن على علم بالهجوم"');
});

test("English: a quote before 'a spokesman told X' is the statement, and 'denied' denies", () => {
  const b = extract(
    'Kataib Hezbollah denied any role. "We are committed to the truce," a spokesman for the group told Al Jazeera.',
    "en",
  );
  assert.equal(b.claims[0].certainty, "DENIED");
  assert.equal(b.claims[0].claimant, "actor:kataib-hezbollah");
  const quote = b.claims.find((c) => c.text === "We are committed to the truce");
  assert.equal(quote?.toldTo, "actor:al-jazeera");
});

test("an announced act is an event, not a claim", () => {
  const b = extract("وأعلنت الفصائل المسلحة إيقاف عملياتها ضد القوات الأمريكية.");
  assert.equal(b.claims.length, 0);
  assert.equal(b.events[0].type, "CEASEFIRE");
});
