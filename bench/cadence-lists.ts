// The director's overdue list and an account manager's week agenda (contact cadence) over the demo company at
// scale 10 (3,000 accounts, ~93,000 interactions), PostgreSQL mode. Goal (relate issue): p95 < 200 ms.
// node --import tsx bench/cadence-lists.ts [--quick] [--fresh] [--scale N]
// Each request is timed on its own, one after the other (a person opening the page), after a warm-up; then the
// same under 10 concurrent clients (wrk or autocannon) for the tail under load.
import { createDatabase } from "@openkam/db";
import { startServer } from "./lib/child";
import { parseBenchOptions } from "./lib/options";
import { fmt, log, table } from "./lib/report";
import { measureRoute } from "./lib/route-latency";
import { seededPostgresDatabase } from "./lib/seeded";
import { createBenchToken, dropBenchTokens } from "./lib/token";

const options = parseBenchOptions();
const SEQUENTIAL = options.quick ? 50 : 300;
const GOAL_P95_MS = 200;

const { url, info, drop } = await seededPostgresDatabase(options.scale, options.fresh);
const rows: Array<Array<string | number>> = [];
try {
  const db = await createDatabase({ url });
  await dropBenchTokens(db);
  const director = await createBenchToken(db, "admin");
  const manager = await createBenchToken(db, "account_manager");
  await db.close();
  log(`data: ${fmt(info.counts.accounts ?? 0)} accounts, ${fmt(info.counts.interactions ?? 0)} interactions (scale ${options.scale})`);

  const server = await startServer("serve-app.ts", { database: { url } });
  try {
    const cases = [
      { name: "GET /api/cadence/overdue?limit=50 (admin: every account)", path: "/api/cadence/overdue?limit=50", token: director.token },
      { name: "GET /api/cadence/my-week (account manager)", path: "/api/cadence/my-week", token: manager.token },
      { name: "GET /api/cadence/my-week (admin)", path: "/api/cadence/my-week", token: director.token },
    ];
    for (const c of cases) {
      const m = await measureRoute(server.url, c, { warmup: 20, sequential: SEQUENTIAL, waitQuiet: options.waitQuiet, seconds: options.seconds });
      rows.push([c.name, (m.body as { items: unknown[] }).items.length, fmt(m.p50, 1), fmt(m.p95, 1), fmt(m.max, 1), fmt(m.rps), fmt(m.p99, 1),
        m.p95 < GOAL_P95_MS ? "met" : "MISSED"]);
    }
  } finally {
    await server.stop();
  }
} finally {
  await drop();
}
console.log(`\nContact cadence lists, PostgreSQL, ${SEQUENTIAL} sequential requests each, then 10 concurrent clients for ${options.seconds} s`);
console.log(table(["route", "items", "p50 ms", "p95 ms", "max ms", "req/s (10 clients)", "p99 ms (10 clients)", `p95 < ${GOAL_P95_MS} ms`], rows));
