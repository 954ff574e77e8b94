#!/usr/bin/env node
// Rasd's single entry point. The sources are TypeScript, run through tsx's loader.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../server/src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
