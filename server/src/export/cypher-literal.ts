import { isDuration, isPoint } from "neo4j-driver";

/**
 * Cypher literals for the parameter lines of an export script, and the way
 * back. A literal is JSON with map keys in backticks: valid Cypher for
 * cypher-shell's `:param rows => …`, and turned back into JSON by swapping
 * the backticks for quotes, so `rasd import` never evaluates anything.
 * Values that JSON cannot hold exactly (dates, points, integer vs float)
 * travel as strings, maps or numbers and are converted by the statement
 * (see cypher-writer.ts).
 */

const key = (k: string) => `\`${k.replaceAll("`", "``")}\``;

export function cypherLiteral(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "null";
  if (typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `[${v.map(cypherLiteral).join(",")}]`;
  const entries = Object.entries(v as Record<string, unknown>);
  return `{${entries.map(([k, x]) => `${key(k)}:${cypherLiteral(x)}`).join(",")}}`;
}

/** Parses a literal written by cypherLiteral (JSON with backticked keys). */
export function parseCypherLiteral(literal: string): unknown {
  let out = "";
  let i = 0;
  while (i < literal.length) {
    const c = literal[i];
    if (c === '"') {
      // Copy a string verbatim, escapes and all.
      let j = i + 1;
      while (j < literal.length && literal[j] !== '"') j += literal[j] === "\\" ? 2 : 1;
      out += literal.slice(i, j + 1);
      i = j + 1;
    } else if (c === "`") {
      let name = "";
      let j = i + 1;
      for (;;) {
        if (j >= literal.length) throw new Error("unterminated `key` in a parameter literal");
        if (literal[j] === "`" && literal[j + 1] === "`") {
          name += "`";
          j += 2;
        } else if (literal[j] === "`") break;
        else name += literal[j++];
      }
      out += JSON.stringify(name);
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return JSON.parse(out);
}

/** valueType() without its nullability, e.g. "LIST<FLOAT>". */
export const baseType = (t: string) => t.replaceAll(" NOT NULL", "");

const call = (fn: string) => (x: string) => `${fn}(${x})`;
// Parameters from JavaScript arrive as floats, and point() wants an integer srid.
const point = (x: string) =>
  `point(CASE WHEN ${x}.z IS NULL THEN {srid: toInteger(${x}.srid), x: ${x}.x, y: ${x}.y} ELSE {srid: toInteger(${x}.srid), x: ${x}.x, y: ${x}.y, z: ${x}.z} END)`;

const CONVERTERS: Record<string, (x: string) => string> = {
  INTEGER: call("toInteger"),
  FLOAT: call("toFloat"),
  "ZONED DATETIME": call("datetime"),
  "LOCAL DATETIME": call("localdatetime"),
  DATE: call("date"),
  "ZONED TIME": call("time"),
  "LOCAL TIME": call("localtime"),
  DURATION: call("duration"),
  POINT: point,
};

/** The Cypher that rebuilds a value of this type from the expression holding its literal, or undefined when the literal is the value. */
export function converter(type: string): ((x: string) => string) | undefined {
  const t = baseType(type);
  const inner = t.match(/^LIST<(.+)>$/)?.[1];
  const convert = CONVERTERS[inner ?? t];
  if (!convert) return undefined;
  return inner === undefined ? convert : (x) => `[v IN ${x} | ${convert("v")}]`;
}

/** A property value as its literal-friendly form: temporals as ISO strings, points as {srid, x, y[, z]}. */
export function encodeValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.map(encodeValue);
  if (isPoint(v as object)) {
    const p = v as { srid: number; x: number; y: number; z?: number };
    return p.z === undefined ? { srid: p.srid, x: p.x, y: p.y } : { srid: p.srid, x: p.x, y: p.y, z: p.z };
  }
  if (isDuration(v as object)) return String(v);
  if (typeof v === "object") return String(v); // dates and times print as ISO 8601
  return v;
}

export const identifier = key;
