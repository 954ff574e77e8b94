import assert from "node:assert/strict";
import { test } from "node:test";
import type { KnownEntity } from "../../src/extract/types.ts";
import { extract } from "./helpers.ts";

/** The seed's security expert, as the graph holds him after the seed is ingested (with his bare surname as an alias). */
const ALI: KnownEntity = {
  id: "actor:ali-al-shammari",
  label: "Actor",
  name: "Ali al-Shammari",
  nameAr: "علي الشمري",
  aliases: ["al-Shammari", "الشمري"],
  kind: "PERSON",
};

const KIRKUK =
  "Gunmen attacked a police checkpoint in Kirkuk on Monday, killing two officers. " +
  'Interior Minister Abdul Amir al-Shammari said on Tuesday that "the attack will not go unpunished".';

test("the Kirkuk case: a minister who shares a surname with a known person is a different person", () => {
  const b = extract(KIRKUK, "en", [ALI]);
  assert.ok(!b.actors.some((a) => a.id === ALI.id), "al-Shammari must not resolve to Ali al-Shammari");
  const minister = b.actors.find((a) => a.name === "Abdul Amir al-Shammari");
  assert.ok(minister, `the minister is an actor of his own: ${b.actors.map((a) => a.name).join(", ")}`);
  assert.equal(minister.kind, "PERSON");
  // He comments on the attack: the claimant of the statement, not a participant in the attack.
  const claim = b.claims.find((c) => c.text.includes("will not go unpunished"));
  assert.equal(claim?.claimant, minister.id);
  const attacks = b.events.filter((e) => ["ATTACK", "ARMED_CLASH", "SHELLING", "AIRSTRIKE"].includes(e.type));
  assert.equal(attacks.length, 1, `one attack, told twice: ${attacks.map((e) => e.summary).join(" | ")}`);
  assert.ok(!attacks[0].participants.some((p) => p.actor === minister.id));
  // The statement's day is the claim's, not the attack's.
  assert.equal(attacks[0].start, "2024-08-19");
});

test("a bare surname the article never introduced is a new actor with a 'possibly the same as' candidate", () => {
  const b = extract('Al-Shammari said the attack "changes nothing".', "en", [ALI]);
  assert.ok(!b.actors.some((a) => a.id === ALI.id));
  const other = b.actors.find((a) => a.possiblySameAs?.includes(ALI.id));
  assert.ok(other, `a candidate is recorded: ${JSON.stringify(b.actors)}`);
});

test("a bare surname after the full name resolves to that person", () => {
  const b = extract("وقال الخبير الأمني علي الشمري إن الهجوم متوقع. وأضاف الشمري أن الفصائل لن تتوقف.", "ar", [ALI]);
  const ali = b.actors.find((a) => a.id === ALI.id);
  assert.equal(ali?.evidence.length, 2);
});

test("people, organisations and places the gazetteer does not know are found", () => {
  const en = extract(
    "Two field commanders of Sudan's paramilitary Rapid Support Forces (RSF) were killed on Thursday in a failed attempt to seize El Fasher. " +
      "Houthi spokesman Brig. Gen. Yahya Saree said the group attacked a ship near Mokha. The RSF denied it.",
    "en",
  );
  const rsf = en.actors.find((a) => a.name === "Rapid Support Forces");
  assert.ok(rsf && rsf.evidence.length >= 2, "the acronym is the same actor");
  assert.ok(en.actors.some((a) => a.name === "Yahya Saree" && a.kind === "PERSON"));
  assert.ok(en.locations.some((l) => l.name === "Sudan" && l.geoPrecision === 3));
  const ar = extract(
    "شهدت مدينة الفاشر هجومًا عنيفًا من قبل قوات الدعم السريع. وقال الناطق باسم إدارة العاصمة عبد الفتاح عمر حلان إن الهجوم فشل.",
  );
  assert.ok(ar.actors.some((a) => a.name === "قوات الدعم السريع"));
  assert.ok(ar.actors.some((a) => a.name === "عبد الفتاح عمر حلان" && a.kind === "PERSON"));
  const fasher = ar.locations.find((l) => l.name === "الفاشر");
  assert.ok(fasher, "the place after مدينة is found");
});

test("a bare plural common noun is not an organisation", () => {
  const b = extract("Officials said the talks would resume. The officials gave no date.", "en");
  assert.ok(!b.actors.some((a) => ["ORGANIZATION", "GOVERNMENT", "ARMED_GROUP"].includes(a.kind)));
});

test("presentation forms, Persian letters and joiners inside names are matched, spans stay on the original text", () => {
  const forms = "\ufed7\ufeee\ufe8d\ufe95"; // قوات written in presentation forms
  const text = `وهاجمت ${forms} الدعم السريع مدينة الفا\u200cشر. وقال مسؤول إن الهجوم فشل.`;
  const b = extract(text);
  const rsf = b.actors.find((a) => a.evidence.some((e) => e.text?.startsWith(forms)));
  assert.ok(rsf, JSON.stringify(b.actors));
  for (const e of rsf.evidence) assert.equal(text.slice(e.start, e.end), e.text);
  assert.ok(b.locations.some((l) => l.evidence.some((e) => e.text === "الفا\u200cشر")));
});
