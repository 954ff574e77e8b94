import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { getNamedType, getNullableType, isCompositeType, isListType, isObjectType } from "graphql";
import { DEFAULT_LIST_SIZE, fieldCost, OWNER_BOUNDED } from "../../src/plugins/query-cost.ts";
import { schema } from "../../src/schema/index.ts";

describe("every list field in the schema has a cost", () => {
  const lists = Object.values(schema.getTypeMap())
    .filter(isObjectType)
    .filter((t) => !t.name.startsWith("__"))
    .flatMap((t) => Object.values(t.getFields()).map((f) => ({ name: `${t.name}.${f.name}`, field: f })))
    .filter(({ field }) => isListType(getNullableType(field.type)) && isCompositeType(getNamedType(field.type)));

  it("finds the object lists the hand-written rule missed", () => {
    const names = lists.map((l) => l.name);
    for (const missed of [
      "Actor.claimsAbout",
      "Actor.claimsMade",
      "Event.evidence",
      "TimelineBucket.byType",
      "Stats.eventsByType",
    ])
      assert.ok(names.includes(missed), missed);
  });

  it("counts a list once where the field above it bounds it, and each such list exists in the schema", () => {
    const names = new Set(lists.map((l) => l.name));
    for (const bounded of OWNER_BOUNDED) assert.ok(names.has(bounded), `${bounded} is not a list field of the schema`);
  });

  for (const { name, field } of lists)
    it(`${name} multiplies what is selected below it`, () => {
      const cost = fieldCost({}, {}, field as never);
      assert.equal(typeof cost, "object");
      const { multiplier } = cost as { multiplier: number };
      if (OWNER_BOUNDED.has(name) || /Connection\.(nodes|edges)$/.test(name)) assert.equal(multiplier, 1);
      else
        assert.ok(
          multiplier >= DEFAULT_LIST_SIZE || field.args.some((a) => a.name === "first"),
          `${name}: ×${multiplier}`,
        );
    });

  it("takes a list's size from its first argument", () => {
    const evidence = (schema.getType("Event") as never as { getFields(): Record<string, never> }).getFields().evidence;
    assert.deepEqual(fieldCost({ first: 7 }, {}, evidence), { field: 1, multiplier: 7 });
  });
});
