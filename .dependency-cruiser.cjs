// Import rules checked by `npm test` (npx depcruise): no cycles anywhere, and
// the server's layers only import downwards. Layers, bottom to top (see
// docs/architecture.md):
//   0 vocabulary  model/ text/
//   1 contracts   bundle/ paths.ts config.ts
//   2 reading     extract/          2 storage  db/ (but migrations) neo4j-managed/
//   3 queries     cypher/
//   4 services    ingest/ resolve/ export/ loaders/ edit/ db/migrations.ts seed.ts
//   5 API         builder.ts context.ts auth.ts schema/ plugins/ yoga.ts
//   6 serving     http/ client-build.ts
//   7 CLI         cli/
// The client may import the vocabulary (server/src/model/) and nothing else of the server.
const S = "^server/src/";
const layers = [
  ["vocabulary", ["model/", "text/"]],
  ["contracts", ["bundle/", "paths\\.ts$", "config\\.ts$"]],
  ["reading and storage", ["extract/", "db/(?!migrations\\.ts$)", "neo4j-managed/"]],
  ["queries", ["cypher/"]],
  // Migrations apply the queries layer's statements (the timeline aggregates' recount), so they sit above it.
  ["services", ["ingest/", "resolve/", "export/", "loaders/", "edit/", "db/migrations\\.ts$", "seed\\.ts$"]],
  ["API", ["builder\\.ts$", "context\\.ts$", "auth\\.ts$", "schema/", "plugins/", "yoga\\.ts$"]],
  ["serving", ["http/", "client-build\\.ts$"]],
  ["CLI", ["cli/"]],
];
const pathOf = (parts) => `${S}(${parts.join("|")})`;

const upward = layers.slice(0, -1).map(([name, parts], i) => ({
  name: `no-upward-import-from-${name.replaceAll(" ", "-")}`,
  comment: `${name} (layer ${i}) must not import a higher layer`,
  severity: "error",
  from: { path: pathOf(parts) },
  to: { path: pathOf(layers.slice(i + 1).flatMap(([, p]) => p)) },
}));

// Beside the layering: the extractor does not touch the database, and storage does not read articles.
const sideways = [
  {
    name: "extract-not-storage",
    severity: "error",
    from: { path: `${S}extract/` },
    to: { path: `${S}(db|neo4j-managed)/` },
  },
  {
    name: "storage-not-extract",
    severity: "error",
    from: { path: `${S}(db|neo4j-managed)/` },
    to: { path: `${S}extract/` },
  },
];

module.exports = {
  forbidden: [
    { name: "no-circular", severity: "error", from: {}, to: { circular: true } },
    ...upward,
    ...sideways,
    {
      name: "client-only-imports-the-vocabulary",
      comment: "the client bundles server/src/model/ (pure data), nothing else of the server",
      severity: "error",
      from: { path: "^client/src/" },
      to: { path: "^server/", pathNot: "^server/src/model/vocabulary\\.ts$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)node_modules/|^client/dist/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".mjs", ".js", ".json"] },
  },
};
