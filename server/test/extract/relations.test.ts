import assert from "node:assert/strict";
import { test } from "node:test";
import type { ArticleBundle } from "../../src/bundle/types.ts";
import { extract } from "./helpers.ts";

const has = (b: ArticleBundle, type: string, from: string, to: string) =>
  b.relations?.find((r) => r.type === type && r.from === from && r.to === to);

test("a group described as loyal to or close to a state is ALLIED_WITH it, with the phrase as evidence", () => {
  const b = extract("شنت الميليشيات العراقية الموالية لإيران هجمات على القوات الأمريكية.");
  const r = has(b, "ALLIED_WITH", "actor:iraqi-armed-factions", "actor:iran");
  assert.ok(r);
  assert.equal(r.evidence?.[0].text, "الميليشيات العراقية الموالية لإيران");
  const close = extract("قال مصدر في أحد الفصائل العراقية المقربة من طهران إن الهدنة انتهت.");
  assert.ok(has(close, "ALLIED_WITH", "actor:iraqi-armed-factions", "actor:iran"));
});

test("an English patron after the group ('loyal to Iran') is read the same way", () => {
  const b = extract("Iraqi militias loyal to Iran attacked US forces near Erbil.", "en");
  assert.ok(has(b, "ALLIED_WITH", "actor:iraqi-armed-factions", "actor:iran"));
});

test("a clash between two sides makes every actor of one side oppose every actor of the other", () => {
  const b = extract("تصاعد الصدام بين واشنطن وإسرائيل من جهة، وإيران من جهة أخرى.");
  assert.ok(has(b, "OPPOSES", "actor:united-states", "actor:iran"));
  assert.ok(has(b, "OPPOSES", "actor:israel", "actor:iran"));
  assert.ok(has(b, "ALLIED_WITH", "actor:united-states", "actor:israel"));
  const two = extract("يؤثر استمرار الصدام بين الفصائل والقوات الأمريكية على الاستقرار.");
  assert.ok(has(two, "OPPOSES", "actor:iraqi-armed-factions", "actor:us-forces"));
});

test("operations against an actor make the actor before 'ضد' oppose it", () => {
  const b = extract("أعلنت الفصائل المسلحة إيقاف عملياتها ضد القوات الأمريكية.");
  assert.ok(has(b, "OPPOSES", "actor:iraqi-armed-factions", "actor:us-forces"));
});

test("a person named by a head's title LEADS the body; a member is AFFILIATED_WITH it", () => {
  const b = extract("قال رئيس الوزراء العراقي محمد شياع السوداني إن الحكومة العراقية جادة في مفاوضاتها.");
  assert.ok(has(b, "LEADS", "actor:mohammed-shia-al-sudani", "actor:iraqi-government"));
  const m = extract('ويرى عضو الإطار التنسيقي "الشيعي" علي الزبيدي أن الوضع صعب.');
  const r = m.relations?.find((x) => x.type === "AFFILIATED_WITH" && x.to === "actor:coordination-framework");
  assert.ok(r);
  assert.ok(r.evidence?.[0].text?.startsWith("عضو الإطار التنسيقي"));
});
