import { readFileSync } from "node:fs";
import { GraphQLError } from "graphql";
import { builder } from "../builder.ts";

/** Instants leave the API as ISO 8601 in UTC; Neo4j's own string form varies with the value. */
builder.scalarType("DateTime", {
  description: "An instant, ISO 8601 (UTC on output, any offset on input)",
  serialize: (v) => new Date(String(v)).toISOString(),
  parseValue: (v) => {
    if (typeof v !== "string" || Number.isNaN(Date.parse(v)))
      throw new GraphQLError(`invalid DateTime: ${JSON.stringify(v)} (expected ISO 8601, e.g. 2024-08-22T00:00:00Z)`);
    return new Date(v).toISOString();
  },
});

builder.scalarType("JSON", {
  description: "Any JSON value (an article bundle, for instance)",
  serialize: (v) => v,
  parseValue: (v) => v,
});

const taxonomy = JSON.parse(readFileSync(new URL("../../../schema/event-types.json", import.meta.url), "utf8")) as {
  types: Record<string, { label: string; labelAr?: string; cameo?: string; acled?: string }>;
};

/** The event taxonomy, from schema/event-types.json (with CAMEO and ACLED crosswalk codes). */
export const eventTypes = taxonomy.types;

export const EventType = builder.enumType("EventType", {
  values: Object.fromEntries(Object.entries(eventTypes).map(([k, v]) => [k, { description: v.label }])),
});

export const Precision = builder.enumType("Precision", {
  description: "How precisely a date is known; start/end always span the whole uncertainty",
  values: ["HOUR", "DAY", "MONTH", "YEAR", "RANGE", "APPROXIMATE", "UNKNOWN"] as const,
});
export const Role = builder.enumType("Role", {
  values: ["INITIATOR", "TARGET", "PARTICIPANT", "MEDIATOR", "AFFECTED"] as const,
});
export const Certainty = builder.enumType("Certainty", { values: ["ASSERTED", "HEDGED", "DENIED"] as const });
export const Language = builder.enumType("Language", { values: ["ar", "en"] as const });
export const TimeMatch = builder.enumType("TimeMatch", {
  description:
    "Dates are uncertain: OVERLAPS keeps events that may touch the window, WITHIN only those certainly inside",
  values: ["OVERLAPS", "WITHIN"] as const,
});
export const ClaimLinkType = builder.enumType("ClaimLinkType", { values: ["SUPPORTS", "DISPUTES"] as const });
export const TieType = builder.enumType("TieType", {
  values: ["AFFILIATED_WITH", "ALLIED_WITH", "OPPOSES", "LEADS"] as const,
});
export const Direction = builder.enumType("Direction", { values: ["OUT", "IN"] as const });
