// The director's programme dashboard (GET /api/programme/dashboard) over the demo company at scale 10 (3,000
// accounts, ~600,000 orders and ~93,000 interactions over three years), PostgreSQL mode. Goal (issue 6): p95 < 500 ms.
// node --import tsx bench/programme-dashboard.ts [--quick] [--fresh] [--scale N]
// Each request is timed on its own, one after the other (a director opening the page), after a warm-up; then the
// same under 10 concurrent clients (wrk or autocannon) for the tail under load.
import { createDatabase } from "@openkam/db";
import { quarterOfDate, shiftQuarter } from "@openkam/domain/reports/index";
import { startServer } from "./lib/child";
import { parseBenchOptions } from "./lib/options";
import { fmt, log, table } from "./lib/report";
import { measureRoute } from "./lib/route-latency";
import { seededPostgresDatabase } from "./lib/seeded";
import { createBenchToken, dropBenchTokens } from "./lib/token";

const options = parseBenchOptions();
const SEQUENTIAL = options.quick ? 30 : 200;
const GOAL_P95_MS = 500;

const lastQuarter = shiftQuarter(quarterOfDate(new Date().toISOString().slice(0, 10)), -1).key;

const { url, info, drop } = await seededPostgresDatabase(options.scale, options.fresh);
const rows: Array<Array<string | number>> = [];
try {
  const db = await createDatabase({ url });
  await dropBenchTokens(db);
  const director = await createBenchToken(db, "admin");
  const manager = await createBenchToken(db, "account_manager");
  await db.close();
  log(`data: ${fmt(info.counts.accounts ?? 0)} accounts, ${fmt(info.counts.orders ?? 0)} orders, ${fmt(info.counts.interactions ?? 0)} interactions (scale ${options.scale})`);

  const server = await startServer("serve-app.ts", { database: { url } });
  try {
    const cases = [
      { name: "GET /api/programme/dashboard (admin: every account, this quarter)", path: "/api/programme/dashboard", token: director.token },
      { name: `GET /api/programme/dashboard?quarter=${lastQuarter} (admin)`, path: `/api/programme/dashboard?quarter=${lastQuarter}`, token: director.token },
      { name: "GET /api/programme/dashboard?tier=strategic&tier=key (admin)", path: "/api/programme/dashboard?tier=strategic&tier=key", token: director.token },
      { name: "GET /api/programme/dashboard (account manager: own accounts)", path: "/api/programme/dashboard", token: manager.token },
    ];
    for (const c of cases) {
      const m = await measureRoute(server.url, c, { warmup: 10, sequential: SEQUENTIAL, waitQuiet: options.waitQuiet, seconds: options.seconds });
      rows.push([c.name, (m.body as { accounts: unknown[] }).accounts.length, fmt(m.p50, 1), fmt(m.p95, 1), fmt(m.max, 1), fmt(m.rps), fmt(m.p99, 1),
        m.p95 < GOAL_P95_MS ? "met" : "MISSED"]);
    }
  } finally {
    await server.stop();
  }
} finally {
  await drop();
}
console.log(`\nProgramme dashboard, PostgreSQL, ${SEQUENTIAL} sequential requests each, then 10 concurrent clients for ${options.seconds} s`);
console.log(table(["route", "accounts", "p50 ms", "p95 ms", "max ms", "req/s (10 clients)", "p99 ms (10 clients)", `p95 < ${GOAL_P95_MS} ms`], rows));
