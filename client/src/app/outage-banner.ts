import { ApiError } from "../data/api.ts";
import {
  databaseBack,
  databaseIsDown,
  databaseUnavailableCode,
  onDatabaseUnavailable,
  reportDatabaseBack,
} from "../data/availability.ts";
import "./outage-banner.css";

/** How often /healthz is asked while the database is down. */
const checkEveryMs = 2000;

/** True when `error` is the API saying the database is unavailable. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return error instanceof ApiError && error.code === databaseUnavailableCode;
}

async function databaseAnswers(): Promise<boolean> {
  try {
    const response = await fetch("/healthz", { cache: "no-store" });
    const body = (await response.json()) as { database?: { state?: string } };
    return body.database?.state === "up";
  } catch {
    return false;
  }
}

/**
 * A banner at the top of the page while the graph database is unavailable:
 * shown as soon as an answer says DATABASE_UNAVAILABLE, it asks /healthz every
 * two seconds and goes away when the database is back, after which `onBack`
 * reloads what the page shows.
 */
export function outageBanner(onBack: () => void): void {
  const banner = document.createElement("div");
  banner.className = "outage-banner";
  banner.setAttribute("role", "alert");
  banner.hidden = true;
  banner.textContent =
    "The graph database is unavailable right now — the server is restarting it. Retrying every few seconds; this message goes away when it is back.";
  document.body.prepend(banner);

  let checking = false;
  onDatabaseUnavailable(async () => {
    banner.hidden = false;
    if (checking) return;
    checking = true;
    while (databaseIsDown()) {
      await new Promise((r) => setTimeout(r, checkEveryMs));
      if (await databaseAnswers()) reportDatabaseBack();
    }
    checking = false;
    banner.hidden = true;
    onBack();
  });
}

/** Runs `load`, and while it fails because the database is down, waits for it to be back and runs it again. */
export async function loadWhenAvailable(load: () => Promise<void>): Promise<void> {
  for (;;) {
    try {
      return await load();
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      await databaseBack();
    }
  }
}
