import assert from "node:assert/strict";
import { test } from "node:test";
import { extract } from "./helpers.ts";

test("names already in the graph are recognised, with their graph id", () => {
  const known = [
    {
      id: "actor:saraya-awliya-al-dam",
      label: "Actor" as const,
      name: "Saraya Awliya al-Dam",
      nameAr: "سرايا أولياء الدم",
      aliases: ["أولياء الدم"],
      kind: "ARMED_GROUP",
    },
    {
      id: "location:camp-taji",
      label: "Location" as const,
      name: "Camp Taji",
      nameAr: "معسكر التاجي",
      aliases: [],
      kind: "MILITARY_BASE",
      point: { latitude: 33.52, longitude: 44.26 },
    },
  ];
  const b = extract("وتبنت سرايا أولياء الدم هجومًا على معسكر التاجي، بحسب بيان للجماعة.", "ar", known);
  assert.ok(b.actors.some((a) => a.id === "actor:saraya-awliya-al-dam" && a.kind === "ARMED_GROUP"));
  const taji = b.locations.find((l) => l.id === "location:camp-taji");
  assert.deepEqual(taji?.point, { latitude: 33.52, longitude: 44.26 });
  assert.ok(b.events.some((e) => e.type === "ATTACK" && e.locations.includes("location:camp-taji")));
});

test("a graph alias of a gazetteer entity resolves to the same node", () => {
  const known = [
    { id: "actor:erem-news", label: "Actor" as const, name: "Erem News", aliases: ["موقع إرم"], kind: "MEDIA" },
  ];
  const b = extract('وقال مصدر لـ"موقع إرم" إن الاجتماع انتهى.', "ar", known);
  assert.equal(b.claims[0].toldTo, "actor:erem-news");
});
