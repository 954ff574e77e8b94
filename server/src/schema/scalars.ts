import { GraphQLError } from "graphql";
import { builder } from "../builder.ts";
import {
  ANALYTIC_TIES,
  ASSERTERS,
  AUDIT_ACTIONS,
  CERTAINTIES,
  CLAIM_LINKS,
  EVENT_TYPE_NAMES,
  EVENT_TYPES,
  type EventType as EventTypeName,
  LANGUAGES,
  PRECISIONS,
  ROLES,
} from "../model/vocabulary.ts";

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

export const EventType = builder.enumType("EventType", {
  values: Object.fromEntries(EVENT_TYPE_NAMES.map((t) => [t, { description: EVENT_TYPES[t].label }])) as Record<
    EventTypeName,
    { description: string }
  >,
});

export const Precision = builder.enumType("Precision", {
  description: "How precisely a date is known; start/end always span the whole uncertainty",
  values: PRECISIONS,
});
export const Role = builder.enumType("Role", { values: ROLES });
export const Certainty = builder.enumType("Certainty", { values: CERTAINTIES });
export const Language = builder.enumType("Language", { values: LANGUAGES });
export const TimeMatch = builder.enumType("TimeMatch", {
  description:
    "Dates are uncertain: OVERLAPS keeps events that may touch the window, WITHIN only those certainly inside",
  values: ["OVERLAPS", "WITHIN"] as const,
});
export const ClaimLinkType = builder.enumType("ClaimLinkType", { values: CLAIM_LINKS });
export const TieType = builder.enumType("TieType", { values: ANALYTIC_TIES });
export const Direction = builder.enumType("Direction", { values: ["OUT", "IN"] as const });
export const AssertedBy = builder.enumType("AssertedBy", {
  description: "Who asserted a fact: Rasd's extractor, an analyst (editor key) or an import of another tool's bundle",
  values: ASSERTERS,
});
export const AuditAction = builder.enumType("AuditAction", { values: AUDIT_ACTIONS });
