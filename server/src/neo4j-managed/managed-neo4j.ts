import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
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
  /** True when this call started the process; false when it found one running (rasd db start). */
  startedHere: boolean;
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

/**
 * What the pid file says: "running" (its process is our launcher), "stopped"
 * (no pid file: never started, or stopped on purpose — stopping removes it
 * first) or "died" (the file names a process that is gone: a crash or a kill).
 */
export function pidState(dataDir: string): { state: "running"; pid: number } | { state: "stopped" | "died" } {
  const f = files(dataDir);
  if (!existsSync(f.pid)) return { state: "stopped" };
  const pid = Number(readFileSync(f.pid, "utf8"));
  return Number.isInteger(pid) && pid > 0 && alive(pid) && isOurLauncher(pid)
    ? { state: "running", pid }
    : { state: "died" };
}

function readPid(dataDir: string): number | undefined {
  const s = pidState(dataDir);
  return s.state === "running" ? s.pid : undefined;
}

export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once("error", () => resolve(false))
      .once("listening", () => probe.close(() => resolve(true)))
      .listen(port, "127.0.0.1");
  });
}

/** The launcher's log since `offset` (each start appends to the same file). */
function logSince(logFile: string, offset: number): string {
  if (!existsSync(logFile)) return "";
  return readFileSync(logFile).subarray(offset).toString("utf8");
}

/** Why a launcher exited while starting: its RASD_NEO4J_FAILED line, else the log's last lines. */
function exitReason(logFile: string, offset: number): string {
  const text = logSince(logFile, offset);
  const failed = /^RASD_NEO4J_FAILED (.*)$/m.exec(text)?.[1];
  if (failed) return `Neo4j setup failed: ${failed} (see ${logFile})`;
  return `Neo4j exited while starting. Last lines of ${logFile}:\n${text.split("\n").slice(-25).join("\n")}`;
}

/**
 * Waits until the launcher has finished its setup (its READY line, printed
 * after the password is applied — Bolt listens before that) and Bolt accepts
 * the password, or fails as soon as the process exits or the deadline passes.
 * `logOffset` undefined: a running instance found, not one being started.
 */
async function waitForReady(
  uri: string,
  password: string,
  pid: number,
  logFile: string,
  logOffset: number | undefined,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = "no READY line from the launcher yet";
  while (Date.now() < deadline) {
    if (!alive(pid)) throw new Neo4jSetupError(exitReason(logFile, logOffset ?? 0));
    if (logOffset === undefined || logSince(logFile, logOffset).includes("RASD_NEO4J_READY")) {
      const driver = neo4j.driver(uri, neo4j.auth.basic("neo4j", password), { connectionTimeout: 2000 });
      try {
        await driver.verifyConnectivity();
        return;
      } catch (error) {
        lastError = error;
      } finally {
        await driver.close();
      }
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Neo4jSetupError(
    `Neo4j did not answer on ${uri} within ${timeoutMs / 1000}s (${String(lastError)}); see ${logFile}`,
  );
}

/** A first start creates the store; on a busy machine (CI, shared hosts) that alone can take minutes. */
const startTimeoutMs = 600_000;

export interface StartOptions {
  log?: (line: string) => void;
  /**
   * Keep running after this process exits, in its own session (the `rasd db
   * start` case). Otherwise the Neo4j belongs to this process: it shares its
   * process group (Ctrl-C in the terminal reaches it too) and is stopped when
   * this process exits.
   */
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
    await waitForReady(uri, password, running, f.log, undefined, options.timeoutMs ?? startTimeoutMs);
    return { uri, user: "neo4j", password, pid: running, startedHere: false };
  }
  const classpath = ensureNeo4jInstalled(log);
  if (!(await portIsFree(settings.port)))
    throw new Neo4jSetupError(
      `port ${settings.port} on 127.0.0.1 is taken by another program; set RASD_NEO4J_PORT to a free port (or NEO4J_URI to use that server)`,
    );
  const java = javaCommand();
  const logOffset = statSync(f.log, { throwIfNoEntry: false })?.size ?? 0;
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
  const pid = child.pid;
  // Never keeps this process alive by itself: `rasd db start` returns at once.
  child.unref();
  if (!options.detached)
    // Not detached: this process owns it. However this process ends (an error,
    // process.exit on Ctrl-C), the Neo4j gets SIGTERM — its clean shutdown —
    // and the pid file goes, so nothing it started is left running.
    process.once("exit", () => {
      if (readPid(settings.dataDir) !== pid) return;
      rmSync(f.pid, { force: true });
      process.kill(pid, "SIGTERM");
    });
  writeFileSync(f.pid, String(pid));
  writeFileSync(f.port, String(settings.port));
  const uri = `bolt://127.0.0.1:${settings.port}`;
  log(`Starting Neo4j (data in ${settings.dataDir}, Bolt on ${uri})…`);
  try {
    await waitForReady(uri, password, child.pid, f.log, logOffset, options.timeoutMs ?? startTimeoutMs);
  } catch (error) {
    if (alive(child.pid)) process.kill(child.pid, "SIGKILL");
    rmSync(f.pid, { force: true });
    throw error;
  }
  return { uri, user: "neo4j", password, pid: child.pid, startedHere: true };
}

/** Stops the managed Neo4j (clean shutdown on SIGTERM); true when one was running. */
export async function stopManagedNeo4j(settings: ManagedNeo4j, timeoutMs = 60000): Promise<boolean> {
  const pid = readPid(settings.dataDir);
  if (!pid) return false;
  // The pid file goes first: a server supervising this Neo4j then sees a
  // deliberate stop ("stopped"), not a crash ("died") to restart from.
  rmSync(files(settings.dataDir).pid, { force: true });
  process.kill(pid, "SIGTERM");
  const deadline = Date.now() + timeoutMs;
  while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  if (alive(pid)) process.kill(pid, "SIGKILL");
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
