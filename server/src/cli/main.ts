import { installInterruptHandling } from "./interrupt.ts";

const usage = `rasd — news articles into an event timeline and knowledge graph

Usage:
  rasd start                     start Neo4j (managed, or NEO4J_URI), migrate, load the seed, serve on PORT (4000)
  rasd db start|stop|status      manage the local Neo4j (data in RASD_DATA_DIR, default ./.rasd/neo4j)
  rasd migrate                   apply schema/migrations to the graph
  rasd ingest FILE…              validate and store article bundles (*.bundle.json) or articles (text, HTML, JSON)
  rasd extract [--offline] FILE  print the bundle extracted from an article (with the graph's names when it runs); writes nothing
  rasd export --format F …       write a subgraph (or --all: a full backup) to a file; see docs/exports.md
  rasd import FILE.cypher        replay an export script or restore a backup

Configuration is read from the environment; see README.md.`;

type Command = (args: string[]) => Promise<number>;

// Loaded on demand: `rasd db status` should not pay for the extractor or Vite.
const commands: Record<string, Command> = {
  start: async (args) => (await import("./start-command.ts")).startCommand(args),
  db: async (args) => (await import("./db-command.ts")).dbCommand(args),
  migrate: async (args) => (await import("./db-command.ts")).dbCommand(["migrate", ...args]),
  ingest: async (args) => (await import("./ingest-command.ts")).ingestCommand(args),
  extract: async (args) => (await import("./extract-command.ts")).extractCommand(args),
  export: async (args) => (await import("./export-command.ts")).exportCommand(args),
  import: async (args) => (await import("./import-command.ts")).importCommand(args),
};

/** Runs one command and returns its exit code; errors are printed as one clear message. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    console.log(usage);
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    console.error(`rasd: unknown command "${name}"\n\n${usage}`);
    return 2;
  }
  installInterruptHandling();
  try {
    return await command(rest);
  } catch (error) {
    const e = error as Error;
    console.error(`rasd ${name}: ${e.message}`);
    if (process.env.RASD_DEBUG) console.error(e.stack);
    return 1;
  }
}
