import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import type { ArticleBundle, BundleActor, BundleEvent, Span } from "../src/bundle/types.ts";
import { validateBundle } from "../src/bundle/validate.ts";

const seeds = new URL("../../seeds/", import.meta.url);
const raw = readFileSync(new URL("erem-2024-08-22.ar.txt", seeds), "utf8");
const bundle: ArticleBundle = validateBundle(
  JSON.parse(readFileSync(new URL("erem-2024-08-22.bundle.json", seeds), "utf8")),
);
const text = bundle.article.text;
const PUBLISHED_DAY = "2024-08-22";

const actor = (id: string): BundleActor => {
  const a = bundle.actors.find((x) => x.id === id);
  assert.ok(a, `actor ${id} is in the bundle`);
  return a;
};
const location = (id: string) => {
  const l = bundle.locations.find((x) => x.id === id);
  assert.ok(l, `location ${id} is in the bundle`);
  return l;
};
const event = (id: string): BundleEvent => {
  const e = bundle.events.find((x) => x.id === id);
  assert.ok(e, `event ${id} is in the bundle`);
  return e;
};
const hasRelation = (type: string, from: string, to: string) =>
  (bundle.relations ?? []).some((r) => r.type === type && r.from === from && r.to === to);

/** Every evidence span anywhere in the bundle, with where it sits. */
function allSpans(): Array<{ where: string; span: Span }> {
  const out: Array<{ where: string; span: Span }> = [];
  const add = (where: string, spans: Span[] | undefined) => {
    for (const span of spans ?? []) out.push({ where, span });
  };
  for (const a of bundle.actors) add(a.id, a.evidence);
  for (const l of bundle.locations) add(l.id, l.evidence);
  for (const e of bundle.events) {
    add(e.id, e.evidence);
    for (const p of e.participants) add(`${e.id} ${p.actor}`, p.evidence);
  }
  for (const c of bundle.claims) add(c.id, c.evidence);
  for (const r of bundle.relations ?? []) add(`${r.type} ${r.from} ${r.to}`, r.evidence);
  return out;
}

/** [start, end) of the line of article.text that starts with `prefix` (furniture lines are unique). */
function lineRange(prefix: string, occurrence = 0): [number, number] {
  let from = 0;
  for (let n = 0; ; n++) {
    const i = text.indexOf(`\n${prefix}`, from);
    assert.ok(i >= 0, `furniture line "${prefix}" (#${occurrence}) is in article.text`);
    if (n === occurrence) {
      const end = text.indexOf("\n", i + 1);
      return [i + 1, end < 0 ? text.length : end];
    }
    from = i + 1;
  }
}

describe("seed bundle erem-2024-08-22", () => {
  it("passes validateBundle and carries the article text verbatim", () => {
    assert.equal(text, raw.slice(raw.indexOf("\n---\n") + 5));
    assert.ok(text.startsWith("عاجل\n"));
    const hex = createHash("sha256").update(text, "utf8").digest("hex");
    assert.equal(bundle.article.id, `article:sha256-${hex.slice(0, 16)}`);
    assert.equal(bundle.article.contentHash, `sha256:${hex}`);
    assert.equal(bundle.article.publishedAt, "2024-08-22T07:16:00+04:00");
    assert.equal(bundle.article.language, "ar");
    assert.equal(bundle.article.url, null);
    assert.equal(bundle.article.publisher, "إرم نيوز (Erem News)");
    assert.match(bundle.producer?.note ?? "", /UTC\+04:00/);
  });

  it("every span quotes its slice of article.text", () => {
    const spans = allSpans();
    assert.ok(spans.length > 100);
    for (const { where, span } of spans) {
      assert.equal(typeof span.text, "string", `${where}: span ${span.start}-${span.end} has text`);
      assert.equal(text.slice(span.start, span.end), span.text, `${where}: span ${span.start}-${span.end}`);
    }
  });

  it("uses kebab-case English slugs for every id", () => {
    const ids = [...bundle.actors, ...bundle.locations, ...bundle.events, ...bundle.claims].map((x) => x.id);
    for (const id of ids) assert.match(id, /^(actor|location|event|claim):[a-z0-9]+(-[a-z0-9]+)*$/, id);
  });

  it("takes no evidence, event or claim from the page furniture", () => {
    const furniture = [
      lineRange("أكسيوس: تدمير مصنع مصياف"),
      lineRange("قاعدة عين الأسد المصدر: رويترز"),
      lineRange('بعد هجوم "عين الأسد"'),
      lineRange("غالانت وأوستن"),
      lineRange("جميع الحقوق محفوظة"),
      // the headline repeated as the photo's alt text (the first copy is the article's headline)
      lineRange(bundle.article.title, 1),
    ];
    for (const { where, span } of allSpans())
      for (const [s, e] of furniture)
        assert.ok(span.end <= s || span.start >= e, `${where}: "${span.text}" lies in page furniture`);
    const written = [...bundle.events, ...bundle.claims].map((x) => JSON.stringify(x)).join("\n");
    for (const word of ["مصياف", "أكسيوس", "غالانت", "أوستن", "بعد هجوم", "رويترز", "Masyaf", "Gallant", "Austin"])
      assert.ok(!written.includes(word), `no event or claim mentions "${word}"`);
    const actorIds = bundle.actors.map((a) => a.id);
    for (const id of ["actor:reuters", "actor:axios", "actor:yoav-gallant", "actor:lloyd-austin"])
      assert.ok(!actorIds.includes(id), `${id} appears only in furniture`);
    assert.ok(!bundle.locations.some((l) => l.id === "location:masyaf"));
  });

  it("places Ain al-Asad Air Base in Iraq with coordinates inside Iraq", () => {
    const base = location("location:ain-al-asad-air-base");
    assert.equal(base.kind, "MILITARY_BASE");
    assert.equal(base.within, "location:iraq");
    assert.equal(base.countryCode, "IQ");
    assert.ok(base.point);
    const { latitude, longitude } = base.point;
    assert.ok(latitude > 29 && latitude < 37.4 && longitude > 38.8 && longitude < 48.6, "inside Iraq's bounding box");
    assert.ok(Math.abs(latitude - 33.7856) < 0.05 && Math.abs(longitude - 42.4412) < 0.05);
    // every mention in the article's own text, none from the caption or related-news furniture
    assert.deepEqual(
      base.evidence.map((s) => s.text),
      ["قاعدة عين الأسد", "قاعدة عين الأسد", "قاعدة عين الأسد"],
    );
    const iraq = location("location:iraq");
    assert.equal(iraq.wikidataId, "Q796");
    assert.equal(iraq.kind, "COUNTRY");
  });

  it("has Mohammed Shia al-Sudani leading the Iraqi government", () => {
    const sudani = actor("actor:mohammed-shia-al-sudani");
    assert.equal(sudani.kind, "PERSON");
    assert.equal(sudani.nameAr, "محمد شياع السوداني");
    const mentions = sudani.evidence.map((s) => s.text);
    assert.ok(mentions.includes("محمد شياع السوداني"));
    assert.ok(mentions.includes("رئيس الوزراء العراقي"));
    assert.ok(hasRelation("LEADS", "actor:mohammed-shia-al-sudani", "actor:iraqi-government"));
    assert.equal(actor("actor:iraqi-government").kind, "GOVERNMENT");
  });

  it("records the anonymous sources as the article describes them, tied to their groups", () => {
    const expected: Record<string, string> = {
      "actor:anon-erem-2024-08-22-resistance-leader": "actor:coordination-of-iraqi-resistance",
      "actor:anon-erem-2024-08-22-faction-source": "actor:iraqi-armed-factions",
      "actor:anon-erem-2024-08-22-pm-office-source": "actor:iraqi-government",
    };
    const anonymous = bundle.actors.filter((a) => a.kind === "ANONYMOUS_SOURCE").map((a) => a.id);
    assert.deepEqual(anonymous.sort(), Object.keys(expected).sort());
    for (const [id, group] of Object.entries(expected)) {
      const source = actor(id);
      assert.ok(source.description && text.includes(source.description), `${id}: description is the article's words`);
      assert.ok(hasRelation("AFFILIATED_WITH", id, group), `${id} AFFILIATED_WITH ${group}`);
      assert.ok(
        bundle.claims.some((c) => c.claimant === id),
        `${id} made at least one claim`,
      );
    }
    assert.match(actor("actor:anon-erem-2024-08-22-resistance-leader").description ?? "", /قيادي من الصف الأول/);
    assert.ok(hasRelation("ALLIED_WITH", "actor:iraqi-armed-factions", "actor:iran"));
  });

  it("quotes every claim verbatim and attributes it", () => {
    const actorIds = new Set(bundle.actors.map((a) => a.id));
    assert.ok(bundle.claims.length >= 10);
    for (const c of bundle.claims) {
      const [first] = c.evidence;
      assert.equal(text.slice(first.start, first.end), c.text, `${c.id}: text is the article slice`);
      assert.ok(actorIds.has(c.claimant));
      assert.equal(c.language, "ar");
      assert.ok(c.gloss && c.gloss.length > 0, `${c.id} has an English gloss`);
      assert.ok(c.about.length > 0);
    }
    const toldErem = bundle.claims.filter((c) => c.toldTo === "actor:erem-news");
    assert.ok(toldErem.length >= 6);
    const sudaniClaim = bundle.claims.find((c) => c.text.startsWith("رئيس الوزراء العراقي محمد شياع السوداني فشل"));
    assert.ok(sudaniClaim);
    assert.equal(sudaniClaim.claimant, "actor:anon-erem-2024-08-22-resistance-leader");
    assert.equal(sudaniClaim.toldTo, "actor:erem-news");
    assert.equal(sudaniClaim.statedAt, PUBLISHED_DAY);
    assert.ok(sudaniClaim.about.includes("actor:mohammed-shia-al-sudani"));
    const shammari = bundle.claims.filter((c) => c.claimant === "actor:ali-al-shammari");
    assert.equal(shammari.length, 2);
    assert.ok(bundle.claims.some((c) => c.claimant === "actor:ali-al-zubaidi"));
    assert.ok(hasRelation("AFFILIATED_WITH", "actor:ali-al-zubaidi", "actor:coordination-framework"));
  });

  it("dates the truce 'since February' to the month, not a day", () => {
    const truce = bundle.events.filter((e) => e.type === "CEASEFIRE");
    assert.equal(truce.length, 1);
    const [t] = truce;
    assert.equal(t.precision, "MONTH");
    assert.equal(t.edtf, "2024-02");
    assert.equal(t.start, "2024-02-01");
    assert.equal(t.end, "2024-02-29");
    assert.ok(t.evidence.some((s) => s.text?.includes("ومنذ شباط الماضي")));
  });

  it("keeps the uncertainty of relative dates", () => {
    const agreement = event("event:factions-government-agreement-on-us-withdrawal-2024-03");
    assert.equal(agreement.precision, "APPROXIMATE");
    assert.equal(agreement.edtf, "2024-03~");
    const attacks = event("event:attacks-on-us-forces-at-ain-al-asad-2024-08");
    assert.equal(attacks.type, "ATTACK");
    assert.equal(attacks.precision, "RANGE");
    assert.deepEqual(attacks.locations, ["location:ain-al-asad-air-base"]);
    assert.ok(attacks.participants.some((p) => p.actor === "actor:us-forces" && p.role === "TARGET"));
    assert.ok(attacks.participants.some((p) => p.actor === "actor:iraqi-armed-factions" && p.role === "INITIATOR"));
    for (const e of bundle.events) {
      assert.notEqual(e.precision, "DAY", `${e.id}: the article gives no exact day`);
      if (e.end) assert.ok(e.end <= PUBLISHED_DAY, `${e.id} ends by publication`);
      if (e.start && e.end) assert.ok(e.start < e.end, `${e.id} is a range, not a false exact day`);
      assert.ok(e.summary && e.title, `${e.id} has an English title and summary`);
    }
    const types = new Set(bundle.events.map((e) => e.type));
    for (const t of ["THREAT", "MEETING", "MEDIATION", "NEGOTIATION", "POSTPONEMENT", "AGREEMENT"] as const)
      assert.ok(types.has(t), `an event of type ${t}`);
  });
});
