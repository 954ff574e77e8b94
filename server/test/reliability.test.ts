import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "../src/db/database.ts";
import { startAppProcess } from "./helpers/app-process.ts";
import { seededDatabase } from "./helpers/graph.ts";
import { raw } from "./helpers/raw-request.ts";

/** What an attack got back. */
interface Answer {
  status: number;
  body: string;
}

/** One row of the attack corpus: how to send it, and how it must be refused (or answered). */
interface Attack {
  name: string;
  send: (url: string) => Promise<Answer>;
  /** The status every copy must get. */
  status: number;
  /** A pattern the answer must match (the error code, usually). */
  answer?: RegExp;
  /** Copies sent at once. Default 4. */
  copies?: number;
  /** The attack as a whole must be answered within this. Default 5 s. */
  withinMs?: number;
}

const EDITOR = "editor-key-123";
const HEALTH_BUDGET_MS = 1000;

/** A POST whose body is built once, here, not while the attack is timed. */
const post = (query: string, variables: Record<string, unknown> = {}) => {
  const body = JSON.stringify({ query, variables });
  return async (url: string): Promise<Answer> => {
    const r = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body });
    return { status: r.status, body: await r.text() };
  };
};

const get =
  (path: string, headers: Record<string, string> = {}) =>
  async (url: string) => {
    const r = await raw(`${url}${path}`, headers);
    return { status: r.status, body: r.body };
  };

/** `fragment F1 on Stats { ...F0 ...F0 }` … Fn: 2ⁿ paths through n+1 fragments (n=25 froze the server for minutes). */
function fanOut(n: number): string {
  let fragments = "fragment F0 on Stats { events }";
  for (let i = 1; i <= n; i++) fragments += ` fragment F${i} on Stats { ...F${i - 1} ...F${i - 1} }`;
  return `{ stats { ...F${n} } } ${fragments}`;
}

const nested = (levels: number) =>
  `{ events { nodes { ${"actors { actor { events { event { ".repeat(levels)}id${" } } } }".repeat(levels)} } } }`;

/**
 * The corpus. Another attack is one more row (the 2 MB extractArticle row
 * belongs here once extraction runs off the event loop).
 */
export const corpus: Attack[] = [
  { name: "fragment fan-out, 25 levels", send: post(fanOut(25)), status: 400, answer: /COST_LIMIT/ },
  {
    name: "fragment fan-out, 22 levels, as a GET (what a cross-site <img> could send)",
    send: get(`/graphql?query=${encodeURIComponent(fanOut(22))}`),
    status: 400,
    answer: /COST_LIMIT/,
  },
  {
    name: "alias bomb: 250 aliased stats",
    send: post(`{ ${Array.from({ length: 250 }, (_, i) => `a${i}: stats { events }`).join(" ")} }`),
    status: 400,
    answer: /ALIAS_LIMIT/,
  },
  { name: "depth bomb: 150 levels of nesting", send: post(nested(150)), status: 400, answer: /DEPTH_LIMIT/ },
  {
    name: "token bomb: 12,000 fields",
    send: post(`{ stats { ${"events ".repeat(12000)} } }`),
    status: 400,
    answer: /TOKEN_LIMIT/,
  },
  {
    name: "directive bomb: 400 @include on one field",
    send: post(`{ stats ${"@include(if: true) ".repeat(400)} { events } }`),
    status: 400,
    answer: /DIRECTIVE_LIMIT/,
  },
  {
    name: "cost bomb: pages of 2,000 nested three deep",
    send: post(
      `{ events(first: 2000) { nodes { actors(first: 2000) { actor { claimsMade(first: 2000) { id } } } } } }`,
    ),
    status: 400,
    answer: /COST_LIMIT/,
  },
  {
    name: "5 MB garbage query",
    send: post("x".repeat(5_000_000)),
    status: 400,
    answer: /^.{0,400}$/s,
    copies: 2,
    withinMs: 15000,
  },
  {
    name: "Lucene syntax in search",
    send: post(`query S($t: String!) { search(text: $t) { score } }`, {
      t: 'Iraq AND (Syria || !NOT) [a TO z] {x} ^2 "q ~ * ? : \\ / - + &&',
    }),
    status: 200,
    answer: /"search":\[/,
  },
  {
    name: "50,000 ids to nodes()",
    send: post(`query N($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
      ids: Array.from({ length: 50000 }, (_, i) => `event:${i}`),
    }),
    status: 400,
    answer: /at most 500 ids/,
    copies: 2,
  },
  {
    name: "500 ids that do not exist to /export",
    send: get(`/export?format=graphml&ids=${Array.from({ length: 500 }, (_, i) => `event:e${i}`).join(",")}`, {}),
    status: 400,
    answer: /invalid ids/,
  },
  {
    name: "DNS rebinding: a foreign Host",
    send: get("/graphql?query=%7Bstats%7Bevents%7D%7D", { host: "attacker.example" }),
    status: 403,
    answer: /RASD_ALLOWED_HOSTS/,
  },
  {
    name: "a script on another site posting blind (Sec-Fetch-Site: cross-site)",
    send: async (url) => {
      const r = await raw(
        `${url}/graphql`,
        {
          "content-type": "text/plain",
          "sec-fetch-site": "cross-site",
          "sec-fetch-mode": "no-cors",
          origin: "https://evil.example",
        },
        "POST",
        JSON.stringify({ query: fanOut(25) }),
      );
      return { status: r.status, body: r.body };
    },
    status: 403,
    answer: /RASD_CORS_ORIGINS/,
  },
  {
    name: "another origin reading the graph (CORS)",
    send: async (url) => {
      const r = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: "https://evil.example" },
        body: JSON.stringify({ query: "{ stats { events } }" }),
      });
      await r.text();
      // The request is answered (same-origin pages use it too), but with no header letting the other origin read it.
      return { status: r.status, body: `acao=${r.headers.get("access-control-allow-origin")}` };
    },
    status: 200,
    answer: /^acao=null$/,
  },
];

/** Polls /healthz back to back until stopped; keeps the slowest answer. */
function pollHealth(url: string) {
  let running = true;
  let worst = 0;
  let polls = 0;
  const failures: string[] = [];
  const loop = (async () => {
    while (running) {
      const t0 = performance.now();
      try {
        const r = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(10_000) });
        await r.text();
        if (r.status !== 200) failures.push(`status ${r.status}`);
      } catch (error) {
        failures.push(String(error));
      }
      worst = Math.max(worst, performance.now() - t0);
      polls++;
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  return async () => {
    running = false;
    await loop;
    return { worst, polls, failures };
  };
}

describe("the attack corpus, replayed against the real HTTP server: each is refused quickly and /healthz answers within 1 s throughout", () => {
  let db: Database;
  let app: Awaited<ReturnType<typeof startAppProcess>>;
  let worstHealth = 0;
  let quietHealth = 0;
  before(async () => {
    db = await seededDatabase();
    app = await startAppProcess({
      apiKeys: [{ key: EDITOR, role: "editor" }],
      rateLimits: { extract: 0, ingest: 0, export: 0 },
    });
    // Warm up (first parse, validation and Bolt session), then measure /healthz with no attack running.
    await post("{ stats { events } }")(app.url);
    const quiet = pollHealth(app.url);
    await new Promise((r) => setTimeout(r, 1000));
    quietHealth = (await quiet()).worst;
  });
  after(async () => {
    console.log(
      `reliability: ${corpus.length} attacks in the corpus; worst /healthz latency under attack ${Math.round(worstHealth)} ms (${Math.round(quietHealth)} ms with none)`,
    );
    await app?.stop();
    await db?.close();
  });

  for (const attack of corpus)
    it(attack.name, async () => {
      const stop = pollHealth(app.url);
      // Let the poller get its first answer in before the attack lands.
      await new Promise((r) => setTimeout(r, 50));
      const t0 = performance.now();
      const answers = await Promise.all(Array.from({ length: attack.copies ?? 4 }, () => attack.send(app.url)));
      const tookMs = performance.now() - t0;
      const health = await stop();
      worstHealth = Math.max(worstHealth, health.worst);
      for (const a of answers) {
        assert.equal(a.status, attack.status, a.body.slice(0, 300));
        if (attack.answer) assert.match(a.body, attack.answer);
      }
      assert.ok(tookMs < (attack.withinMs ?? 5000), `answered in ${Math.round(tookMs)} ms`);
      assert.deepEqual(health.failures, []);
      assert.ok(health.polls > 0);
      assert.ok(
        health.worst < HEALTH_BUDGET_MS,
        `/healthz took ${Math.round(health.worst)} ms while "${attack.name}" ran`,
      );
    });
});
