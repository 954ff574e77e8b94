import { fileURLToPath } from "node:url";

/** The repository root: everything Rasd ships (schema/, seeds/, client/dist) is found from here. */
export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
