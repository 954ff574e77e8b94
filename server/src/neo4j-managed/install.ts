import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../paths.ts";

/** Where Maven's copy of the Neo4j jars and our launcher jar live (ignored by git). */
export const libDir = join(repoRoot, ".rasd", "neo4j-lib");
const pomPath = join(repoRoot, "server", "neo4j", "pom.xml");
const launcherSource = join(repoRoot, "server", "neo4j", "src", "main", "java", "rasd", "neo4j", "Launcher.java");
const launcherJar = join(repoRoot, "server", "neo4j", "target", "rasd-neo4j-launcher-1.0.0.jar");
const stampPath = join(libDir, "stamp");

/** A missing tool is reported by name with what to do, never as a stack trace. */
export class Neo4jSetupError extends Error {
  override name = "Neo4jSetupError";
}

function commandWorks(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { stdio: "ignore" });
  return r.status === 0;
}

export function javaCommand(): string {
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, "bin", "java") : "java";
  if (!commandWorks(java, ["-version"]))
    throw new Neo4jSetupError(
      `Java was not found (tried "${java}"). Install Java 17 or newer, or set NEO4J_URI to use an existing Neo4j.`,
    );
  return java;
}

function buildStamp(): string {
  // Rebuild when the pom or the launcher changes, not on every start.
  return createHash("sha256").update(readFileSync(pomPath)).update(readFileSync(launcherSource)).digest("hex");
}

/**
 * Makes sure the Neo4j jars and the launcher are on disk, running Maven once
 * (it downloads Neo4j from Maven Central on first use). Returns the classpath.
 */
export function ensureNeo4jInstalled(log: (line: string) => void = () => {}): string {
  const classpath = `${launcherJar}:${join(libDir, "lib", "*")}`;
  const stamp = buildStamp();
  if (existsSync(stampPath) && existsSync(launcherJar) && readFileSync(stampPath, "utf8") === stamp) return classpath;
  javaCommand();
  if (!commandWorks("mvn", ["-v"]))
    throw new Neo4jSetupError(
      "Maven (mvn) was not found; it fetches Neo4j from Maven Central on first use. Install Maven, or set NEO4J_URI to use an existing Neo4j.",
    );
  log("Fetching Neo4j from Maven Central and building the launcher (first run only)…");
  const r = spawnSync("mvn", ["-q", "-B", "-f", pomPath, "package", `-Drasd.lib.dir=${join(libDir, "lib")}`], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (r.status !== 0)
    throw new Neo4jSetupError(
      `Maven could not build the Neo4j launcher (exit ${r.status}):\n${(r.stdout + r.stderr).slice(-3000)}`,
    );
  writeFileSync(stampPath, stamp);
  return classpath;
}
