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

/** The claimant's name and the statement of each claim, in order. */
function saidBy(text: string, language: "ar" | "en") {
  const b = extract(text, language);
  return b.claims.map((c) => {
    const a = b.actors.find((x) => x.id === c.claimant);
    return { speaker: a?.name, kind: a?.kind, text: c.text };
  });
}

test("Arabic statements speak for who issued them: ذكر بيان صادر عن X، جاء في بيان لـX، بيان لقيادة X، وأشار البيان", () => {
  assert.deepEqual(
    saidBy("ذكر بيان صادر عن وزارة الصحة الفلسطينية أن القوات الإسرائيلية قتلت خمسة أشخاص في جنين.", "ar"),
    [{ speaker: "وزارة الصحة الفلسطينية", kind: "GOVERNMENT", text: "القوات الإسرائيلية قتلت خمسة أشخاص في جنين" }],
  );
  const contained = saidBy("وجاء في بيان صادر عن قوات الدعم السريع أن قواتها سيطرت على مدينة نيالا بالكامل.", "ar");
  assert.equal(contained[0]?.speaker, "قوات الدعم السريع");
  assert.equal(contained[0]?.text, "قواتها سيطرت على مدينة نيالا بالكامل");
  const lam = saidBy("وأضاف بيان لقيادة الجيش اللبناني أن دورية تعرضت لإطلاق نار قرب بلدة شيحين.", "ar");
  assert.equal(lam[0]?.speaker, "الجيش اللبناني");
  // The issuer no step knew is an organisation of its own, not a dropped claim.
  const office = saidBy("وأفاد بيان صادر عن المكتب الإعلامي الحكومي بأن 12 شخصا قتلوا في القصف.", "ar");
  assert.deepEqual(office, [
    { speaker: "المكتب الإعلامي الحكومي", kind: "ORGANIZATION", text: "12 شخصا قتلوا في القصف" },
  ]);
  // "وأشار البيان": the statement already attributed, not a new speaker and not the nearest name.
  const later = saidBy(
    "وقال المتحدث باسم الجيش السوداني نبيل عبد الله في بيان إن قواته صدت الهجوم. وأشار البيان إلى أن قوات الدعم السريع تكبدت خسائر كبيرة.",
    "ar",
  );
  assert.deepEqual(
    later.map((c) => c.speaker),
    ["نبيل عبد الله", "نبيل عبد الله"],
  );
  assert.equal(later[1].text, "قوات الدعم السريع تكبدت خسائر كبيرة");
});

test("English statements speak for who issued them: a statement from/by X said, according to a statement from X, the statement added", () => {
  assert.deepEqual(
    saidBy("A statement from the UN refugee agency UNHCR said Israeli forces had destroyed the camp near Jenin.", "en"),
    [{ speaker: "UNHCR", kind: "ORGANIZATION", text: "Israeli forces had destroyed the camp near Jenin" }],
  );
  assert.equal(
    saidBy("A statement issued by the Malian army said dozens of militants were killed near Kayes.", "en")[0]?.speaker,
    "Malian army",
  );
  assert.equal(
    saidBy("According to a statement from the Libyan Interior Ministry, the convoy was attacked near Tripoli.", "en")[0]
      ?.speaker,
    "Libyan Interior Ministry",
  );
  const added = saidBy(
    "The Sudanese army said in a statement on Monday that it had repelled an attack on El Fasher. The statement added that the Rapid Support Forces lost dozens of fighters.",
    "en",
  );
  assert.deepEqual(
    added.map((c) => [c.speaker, c.text]),
    [
      ["Sudanese army", "it had repelled an attack on El Fasher"],
      ["Sudanese army", "the Rapid Support Forces lost dozens of fighters"],
    ],
  );
  // "In a statement, X said": X is still the subject; a quote before "X said in a statement" is X's.
  assert.equal(
    saidBy("In a statement, the Rapid Support Forces said they had taken control of the town of Nyala.", "en")[0]
      ?.speaker,
    "Rapid Support Forces",
  );
  assert.deepEqual(
    saidBy('"We will not allow this to happen again," the Interior Ministry said in a statement.', "en"),
    [{ speaker: "Interior Ministry", kind: "GOVERNMENT", text: "We will not allow this to happen again" }],
  );
  // "The statement added" with no statement attributed before names nobody.
  assert.deepEqual(
    saidBy("The army repelled the attack. The statement added that two soldiers were wounded.", "en"),
    [],
  );
});
