import type { ManagedNeo4j } from "../config.ts";
import { pidState, startManagedNeo4j } from "./managed-neo4j.ts";

export interface SupervisorOptions {
  log: (line: string) => void;
  /** Restart a Neo4j this process owns (started by `rasd start`) in its process group; else detached. */
  owned: boolean;
  /** How often the process is looked at. */
  checkEveryMs?: number;
  /** The first wait before a restart; doubled after each failed attempt up to maxBackoffMs. */
  firstBackoffMs?: number;
  maxBackoffMs?: number;
}

export interface Supervisor {
  /** Stops watching (before a deliberate shutdown, so it is not taken for a crash). */
  stop(): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms).unref());

/**
 * Watches the managed Neo4j under a running server and restarts it when it
 * dies (its pid file names a process that is gone: a crash, an out-of-memory
 * kill, kill -9), with exponential backoff, logging each attempt. A Neo4j
 * stopped on purpose (`rasd db stop` removes the pid file first) is left
 * stopped. While it is down, requests get DATABASE_UNAVAILABLE; the driver
 * reconnects by itself once Bolt answers again on the same port.
 */
export function superviseManagedNeo4j(settings: ManagedNeo4j, options: SupervisorOptions): Supervisor {
  const { log, owned } = options;
  const checkEveryMs = options.checkEveryMs ?? 1000;
  const firstBackoffMs = options.firstBackoffMs ?? 1000;
  const maxBackoffMs = options.maxBackoffMs ?? 30000;
  let stopped = false;
  let reportedStop = false;

  async function restart() {
    log("Neo4j has stopped unexpectedly (its process is gone); restarting it");
    let backoff = firstBackoffMs;
    for (let attempt = 1; !stopped; attempt++) {
      await sleep(backoff);
      if (stopped) return;
      const t0 = Date.now();
      try {
        const running = await startManagedNeo4j(settings, { detached: !owned });
        log(
          `Neo4j restarted (pid ${running.pid}, attempt ${attempt}, ${((Date.now() - t0) / 1000).toFixed(1)}s); the graph is available again`,
        );
        return;
      } catch (error) {
        backoff = Math.min(backoff * 2, maxBackoffMs);
        log(`Neo4j restart attempt ${attempt} failed: ${(error as Error).message}; next try in ${backoff / 1000}s`);
      }
    }
  }

  (async () => {
    while (!stopped) {
      await sleep(checkEveryMs);
      if (stopped) break;
      const s = pidState(settings.dataDir);
      if (s.state === "died") {
        reportedStop = false;
        await restart();
      } else if (s.state === "stopped" && !reportedStop) {
        reportedStop = true;
        log("Neo4j was stopped (rasd db stop); it is not restarted — run `rasd db start` to bring the graph back");
      } else if (s.state === "running") reportedStop = false;
    }
  })();

  return {
    stop() {
      stopped = true;
    },
  };
}
