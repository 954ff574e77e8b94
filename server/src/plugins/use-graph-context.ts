import type { Plugin } from "graphql-yoga";
import { whoIs } from "../auth.ts";
import type { GraphContext, Role } from "../context.ts";
import type { Database } from "../db/database.ts";
import { Loaders } from "../loaders/loaders.ts";

/**
 * Gives each request its database access: reads and writes tagged with the
 * operation and the role (decided by useApiKeys, which must come first) and
 * bounded by the query timeout, and fresh batch loaders.
 */
export function useGraphContext(db: Database, timeoutMs: number): Plugin<GraphContext> {
  return {
    onContextBuilding: ({ context, extendContext }) => {
      const role: Role = context.role ?? "anonymous";
      const metadata = { app: "rasd", operation: context.params?.operationName ?? "anonymous", role };
      const read: GraphContext["read"] = (s) => db.read(s, { metadata, timeoutMs });
      extendContext({
        db,
        role,
        who: context.who ?? whoIs(context.request, role),
        read,
        writeAll: (statements) => db.writeAll(statements, { metadata, timeoutMs }),
        loaders: new Loaders(read),
      });
    },
  };
}
