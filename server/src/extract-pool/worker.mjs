// The entry of an extraction worker thread. Worker threads do not inherit the
// tsx loader that bin/rasd.mjs registers, so each registers it before loading
// the TypeScript sources.
import { register } from "tsx/esm/api";

register();
const { runExtraction } = await import("./task.ts");

export default runExtraction;
