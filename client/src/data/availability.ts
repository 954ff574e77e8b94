/**
 * Whether the server's graph database answers, as the last requests found
 * it. The API answers DATABASE_UNAVAILABLE while Neo4j is down or restarting;
 * the banner (app/outage-banner.ts) listens here, waits for /healthz to say the
 * database is back, and then lets the app load again.
 */
type Listener = () => void;

const unavailableListeners = new Set<Listener>();
const backListeners = new Set<Listener>();
let down = false;

/** The error code the API gives while the database is unavailable. */
export const databaseUnavailableCode = "DATABASE_UNAVAILABLE";

export function databaseIsDown(): boolean {
  return down;
}

/** Called by the API client when an answer says the database is unavailable. */
export function reportDatabaseUnavailable(): void {
  if (down) return;
  down = true;
  for (const l of unavailableListeners) l();
}

/** Called once the database answers again. */
export function reportDatabaseBack(): void {
  if (!down) return;
  down = false;
  for (const l of backListeners) l();
}

export function onDatabaseUnavailable(listener: Listener): () => void {
  unavailableListeners.add(listener);
  return () => unavailableListeners.delete(listener);
}

export function onDatabaseBack(listener: Listener): () => void {
  backListeners.add(listener);
  return () => backListeners.delete(listener);
}

/** Resolves when the database is up (at once when it is not known to be down). */
export function databaseBack(): Promise<void> {
  if (!down) return Promise.resolve();
  return new Promise((resolve) => {
    const off = onDatabaseBack(() => {
      off();
      resolve();
    });
  });
}
