import { unknownIds } from "/work/wt/api/server/src/cypher/export.ts";
import { testDatabase } from "/work/wt/api/server/test/helpers/graph.ts";

const db = await testDatabase();
const ids = Array.from({ length: 500 }, (_, i) => `event:e${i}`);
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  const r = await db.read(unknownIds({ ids, actors: [], locations: [] }));
  console.log(Math.round(performance.now() - t), "ms", (r.records[0].get("ids") as string[]).length);
}
await db.close();
