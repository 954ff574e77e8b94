/**
 * The client's GraphQL operations (client/src/data/queries.ts and
 * edit-queries.ts, the only modules that write them), as the text
 * the client sends: every exported document whose first definition is a query
 * or mutation, printed with the fragments it spreads. Tests validate these
 * against the schema and measure them against the API's limits.
 */
import { Kind, print } from "graphql";
import * as editing from "../../src/data/edit-queries.ts";
import * as reading from "../../src/data/queries.ts";

const exported = { ...reading, ...editing };

type Document = { kind: string; definitions: readonly { kind: string }[] };

const isOperation = (value: unknown): value is Document =>
  typeof value === "object" &&
  value !== null &&
  (value as Document).kind === Kind.DOCUMENT &&
  (value as Document).definitions[0]?.kind === Kind.OPERATION_DEFINITION;

/** Each operation's export name and its printed text. */
export const clientOperations: ReadonlyMap<string, string> = new Map(
  Object.entries(exported as Record<string, unknown>)
    .filter((entry): entry is [string, Document] => isOperation(entry[1]))
    // gql.tada builds documents with @0no-co/graphql.web; graphql-js prints the same AST.
    .map(([name, doc]) => [name, print(doc as Parameters<typeof print>[0])]),
);

/** The operation's text by export name; throws when the client has no such operation. */
export function clientOperation(name: string): string {
  const text = clientOperations.get(name);
  if (text === undefined) throw new Error(`client/src/data/queries.ts exports no operation ${name}`);
  return text;
}
