import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import neo4j from "neo4j-driver";
import type { ManagedNeo4j } from "../config.ts";
import { ensureNeo4jInstalled, javaCommand, Neo4jSetupError } from "./install.ts";

/** What a running managed Neo4j answers on. */
export interface RunningNeo4j {
  uri: string;
  user: string;
  password: string;
  pid: number;
}

const files = (dataDir: string) => ({
  password: join(dataDir, "password"),
  pid: join(dataDir, "neo4j.pid"),
  port: join(dataDir, "neo4j.port"),
  log: join(dataDir, "neo4j.log"),
  home: join(dataDir, "dbms"),
});

/** The password stored in the data folder, created once (owner-only) unless NEO4J_PASSWORD is given. */
export function managedPassword(settings: ManagedNeo4j): string {
  const f = files(settings.dataDir);
  mkdirSync(settings.dataDir, { recursive: true, mode: 0o700 });
  if (settings.password) {
    writeFileSync(f.password, settings.password, { mode: 0o600 });
    return settings.password;
  }
  if (!existsSync(f.password)) writeFileSync(f.password, randomBytes(18).toString("base64url"), { mode: 0o600 });
  return readFileSync(f.password, "utf8").trim();
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A stale pid file may name a process that has since been reused for something else. */
function isOurLauncher(pid: number): boolean {
  const cmdline = `/proc/${pid}/cmdline`;
  if (!existsSync(cmdline)) return true; // no procfs (macOS): trust the pid file
  return readFileSync(cmdline, "utf8").includes("rasd.neo4j.Launcher");
}

function readPid(dataDir: string): number | undefined {
  const f = files(dataDir);
  if (!existsSync(f.pid)) return undefined;
  const pid = Number(readFileSync(f.pid, "utf8"));
  return Number.isInteger(pid) && pid > 0 && alive(pid) && isOurLauncher(pid) ? pid : undefined;
}

export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once("error", () => resolve(false))
      .once("listening", () => probe.close(() => resolve(true)))
      .listen(port, "127.0.0.1");
  });
}

/** Tries Bolt until it answers or the deadline passes. */
async function waitForBolt(uri: string, password: string, pid: number, logFile: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (!alive(pid)) {
      const tail = existsSync(logFile) ? readFileSync(logFile, "utf8").split("\n").slice(-25).join("\n") : "";
      throw new Neo4jSetupError(`Neo4j exited while starting. Last lines of ${logFile}:\n${tail}`);
    }
    const driver = neo4j.driver(uri, neo4j.auth.basic("neo4j", password), { connectionTimeout: 2000 });
    try {
      await driver.verifyConnectivity();
      return;
    } catch (error) {
      lastError = error;
    } finally {
      await driver.close();
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Neo4jSetupError(
    `Neo4j did not answer on ${uri} within ${timeoutMs / 1000}s (${String(lastError)}); see ${logFile}`,
  );
}

export interface StartOptions {
  log?: (line: string) => void;
  /** Keep running after this process exits (the `rasd db start` case). */
  detached?: boolean;
  timeoutMs?: number;
}

/**
 * Starts the managed Neo4j unless it is already running on this data folder,
 * and waits until Bolt answers. Fails with a clear message when Java or Maven
 * is missing, the port is taken, or Neo4j exits.
 */
export async function startManagedNeo4j(settings: ManagedNeo4j, options: StartOptions = {}): Promise<RunningNeo4j> {
  const log = options.log ?? (() => {});
  const f = files(settings.dataDir);
  const password = managedPassword(settings);
  const running = readPid(settings.dataDir);
  if (running) {
    const port = Number(readFileSync(f.port, "utf8"));
    const uri = `bolt://127.0.0.1:${port}`;
    await waitForBolt(uri, password, running, f.log, options.timeoutMs ?? 120000);
    return { uri, user: "neo4j", password, pid: running };
  }
  const classpath = ensureNeo4jInstalled(log);
  if (!(await portIsFree(settings.port)))
    throw new Neo4jSetupError(
      `port ${settings.port} on 127.0.0.1 is taken by another program; set RASD_NEO4J_PORT to a free port (or NEO4J_URI to use that server)`,
    );
  const java = javaCommand();
  const out = openSync(f.log, "a");
  const child = spawn(
    java,
    [
      `-Xms${settings.heap}`,
      `-Xmx${settings.heap}`,
      "-XX:+UseG1GC",
      "-cp",
      classpath,
      "rasd.neo4j.Launcher",
      "--home",
      f.home,
      "--port",
      String(settings.port),
      "--password-file",
      f.password,
      "--pagecache",
      settings.pageCache,
    ],
    { detached: options.detached ?? false, stdio: ["ignore", out, out] },
  );
  closeSync(out);
  if (child.pid === undefined) throw new Neo4jSetupError(`could not start ${java}`);
  if (options.detached) child.unref();
  writeFileSync(f.pid, String(child.pid));
  writeFileSync(f.port, String(settings.port));
  const uri = `bolt://127.0.0.1:${settings.port}`;
  log(`Starting Neo4j (data in ${settings.dataDir}, Bolt on ${uri})…`);
  try {
    await waitForBolt(uri, password, child.pid, f.log, options.timeoutMs ?? 120000);
  } catch (error) {
    if (alive(child.pid)) process.kill(child.pid, "SIGKILL");
    rmSync(f.pid, { force: true });
    throw error;
  }
  return { uri, user: "neo4j", password, pid: child.pid };
}

/** Stops the managed Neo4j (clean shutdown on SIGTERM); true when one was running. */
export async function stopManagedNeo4j(settings: ManagedNeo4j, timeoutMs = 60000): Promise<boolean> {
  const pid = readPid(settings.dataDir);
  if (!pid) return false;
  process.kill(pid, "SIGTERM");
  const deadline = Date.now() + timeoutMs;
  while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  if (alive(pid)) process.kill(pid, "SIGKILL");
  rmSync(files(settings.dataDir).pid, { force: true });
  return true;
}

export interface ManagedStatus {
  running: boolean;
  pid?: number;
  uri?: string;
  dataDir: string;
}

export function managedStatus(settings: ManagedNeo4j): ManagedStatus {
  const pid = readPid(settings.dataDir);
  if (!pid) return { running: false, dataDir: settings.dataDir };
  const port = Number(readFileSync(files(settings.dataDir).port, "utf8"));
  return { running: true, pid, uri: `bolt://127.0.0.1:${port}`, dataDir: settings.dataDir };
}
