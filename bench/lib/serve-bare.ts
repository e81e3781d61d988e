// The baseline: Fastify and a bare driver running the same SQL as the real
// route, with no authentication, validation, tenancy or presentation.
import { PGlite } from "@electric-sql/pglite";
import { lockDataDir } from "@openkam/db/connection/data-dir-lock";
import Fastify from "fastify";
import { resolve } from "node:path";
import pg from "pg";
import type { Statement } from "./capture";
import { reportFailure, reportListening } from "./child";

export interface BareRoute {
  name: string;
  statements: Statement[];
  /** The record id the statements were captured with; replaced by the id in the URL. */
  capturedId?: string;
}

export interface BareConfig {
  database: { url: string } | { dataDir: string };
  routes: BareRoute[];
}

type Run = (statements: Statement[]) => Promise<unknown[][]>;

const isTxControl = (text: string) => /^\s*(begin|commit|rollback)\b/i.test(text);

function postgresRunner(url: string): { run: Run; close: () => Promise<void> } {
  const pool = new pg.Pool({ connectionString: url, max: 20 });
  return {
    async run(statements) {
      if (!statements.some((s) => s.inTransaction)) {
        return Promise.all(statements.map(async (s) => (await pool.query(s.text, s.params)).rows));
      }
      const client = await pool.connect();
      try {
        const results: unknown[][] = [];
        for (const s of statements) results.push((await client.query(s.text, s.params)).rows);
        return results;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

async function pgliteRunner(dataDir: string): Promise<{ run: Run; close: () => Promise<void> }> {
  const release = lockDataDir(dataDir);
  // On the request thread, as an application embedding PGlite would most simply do.
  const db = new PGlite(resolve(dataDir, "pgdata"));
  await db.waitReady;
  return {
    async run(statements) {
      if (!statements.some((s) => s.inTransaction)) {
        return Promise.all(statements.map(async (s) => (await db.query(s.text, s.params)).rows));
      }
      // PGlite's own transaction() keeps other requests' queries out until COMMIT.
      return db.transaction(async (tx) => {
        const results: unknown[][] = [];
        for (const s of statements) results.push(isTxControl(s.text) ? [] : (await tx.query(s.text, s.params)).rows);
        return results;
      });
    },
    async close() {
      await db.close();
      release();
    },
  };
}

try {
  const config = JSON.parse(process.argv[2] ?? "{}") as BareConfig;
  const runner = "url" in config.database ? postgresRunner(config.database.url) : await pgliteRunner(config.database.dataDir);
  const app = Fastify({ logger: false });
  for (const route of config.routes) {
    app.get<{ Params: { id?: string } }>(`/bare/${route.name}/:id?`, async (request, reply) => {
      const id = request.params.id;
      const statements = route.capturedId && id
        ? route.statements.map((s) => ({ ...s, params: s.params.map((p) => (p === route.capturedId ? id : p)) }))
        : route.statements;
      const results = await runner.run(statements);
      const data = results.filter((_, i) => !isTxControl(statements[i]?.text ?? ""));
      if (data.length !== 1) return { results: data };
      const rows = data[0] as Array<Record<string, unknown>>;
      // Rows that carry their own JSON text (the accounts list): spliced in, as a hand-written route would.
      if (rows.length > 0 && typeof rows[0]!.json === "string") {
        return reply.type("application/json; charset=utf-8").send(`{"items":[${rows.map((r) => r.json as string).join(",")}],"nextCursor":null}`);
      }
      return { items: rows, nextCursor: null };
    });
  }
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  reportListening(typeof address === "object" && address ? address.port : 0, async () => {
    await app.close();
    await runner.close();
  });
} catch (error) {
  reportFailure(error);
}
