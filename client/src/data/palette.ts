/**
 * Colour-blind-safe colours (Okabe & Ito). Event types are coloured by family
 * (violence, threat, truce, talks, decisions, movements, civil) and told
 * apart within a family by their lane and label, never by colour alone.
 */
export const okabeIto = {
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  bluishGreen: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  reddishPurple: "#CC79A7",
  grey: "#7a7a7a",
  black: "#000000",
};

const families: [string, string, string[]][] = [
  ["Violence", okabeIto.vermillion, ["ATTACK", "AIRSTRIKE", "SHELLING", "ARMED_CLASH"]],
  ["Threats", okabeIto.orange, ["THREAT", "CEASEFIRE_END"]],
  ["Truces and agreements", okabeIto.bluishGreen, ["CEASEFIRE", "AGREEMENT"]],
  ["Talks", okabeIto.blue, ["NEGOTIATION", "MEETING", "MEDIATION"]],
  ["Decisions", okabeIto.skyBlue, ["ANNOUNCEMENT", "POSTPONEMENT"]],
  ["Troop movements", okabeIto.reddishPurple, ["WITHDRAWAL", "DEPLOYMENT"]],
  ["Civil", "#a08c00", ["PROTEST", "ARREST"]],
];

const byType = new Map(families.flatMap(([, colour, types]) => types.map((t) => [t, colour] as const)));

export function typeColour(type: string): string {
  return byType.get(type) ?? okabeIto.grey;
}

/** The families for the legend, with the types each covers. */
export const typeFamilies = families.map(([name, colour, types]) => ({ name, colour, types }));

export const kindColours = {
  event: okabeIto.vermillion,
  actor: okabeIto.blue,
  location: okabeIto.bluishGreen,
  claim: okabeIto.reddishPurple,
} as const;

export const certaintyLabels: Record<string, string> = {
  ASSERTED: "asserted",
  HEDGED: "hedged (reportedly, may)",
  DENIED: "denied",
};
