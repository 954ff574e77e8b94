import {
  EVENT_FAMILIES,
  EVENT_TYPES,
  type EventFamily,
  eventTypeLabel,
  eventTypesOf,
  isEventType,
} from "../../../server/src/model/vocabulary.ts";

/**
 * Colour-blind-safe colours (Okabe & Ito). Event types are coloured by their
 * family in the vocabulary (server/src/model/vocabulary.ts) and told apart
 * within a family by their lane and label, never by colour alone.
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

/** One colour per event family; the compiler insists every family has one. */
const familyColours: Record<EventFamily, string> = {
  violence: okabeIto.vermillion,
  threats: okabeIto.orange,
  truces: okabeIto.bluishGreen,
  talks: okabeIto.blue,
  decisions: okabeIto.skyBlue,
  movements: okabeIto.reddishPurple,
  civil: "#a08c00",
  other: okabeIto.grey,
};

export function typeColour(type: string): string {
  return isEventType(type) ? familyColours[EVENT_TYPES[type].family] : okabeIto.grey;
}

/** A type's name as the timeline's lanes and the legend both show it. */
export const typeName = (type: string): string => eventTypeLabel(type);

/** The families for the legend, each with its types' names (the same names the type lanes carry). */
export const typeFamilies = (Object.keys(EVENT_FAMILIES) as EventFamily[]).map((family) => ({
  name: EVENT_FAMILIES[family],
  colour: familyColours[family],
  types: eventTypesOf(family).map(typeName),
}));

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
