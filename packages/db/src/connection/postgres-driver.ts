import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { inChunks } from "./copy-chunks";
import { type Connection, DatabaseError, type Driver, type ListenEvent, type Listener } from "./driver";

const raw = (value: string) => value;
// Exact decimals and timestamps stay strings (Drizzle maps them); bigint counts become numbers.
const TYPE_PARSERS: Record<number, (value: string) => unknown> = { 20: Number, 1700: raw, 1082: raw, 1114: raw, 1184: raw };

function wrap(error: unknown): unknown {
  if (error instanceof pg.DatabaseError) {
    return new DatabaseError(error.message, {
      code: error.code, detail: error.detail, constraint: error.constraint,
      table: error.table, column: error.column, schema: error.schema, hint: error.hint,
    });
  }
  return error;
}

export interface PostgresOptions {
  url: string;
  maxConnections?: number;
  applicationName?: string;
}

export async function createPostgresDriver(options: PostgresOptions): Promise<Driver> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 20,
    application_name: options.applicationName ?? "openkam",
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        TYPE_PARSERS[oid] ?? pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client that loses its server must not crash the process; the pool replaces it.
  pool.on("error", () => undefined);
  // Fail fast with a clear message when the server is unreachable.
  const probe = await pool.connect().catch((error: unknown) => {
    void pool.end();
    throw new Error(`cannot reach PostgreSQL at ${redact(options.url)}: ${(error as Error).message}`);
  });
  probe.release();

  /** One pooled client for `fn`; released as broken when it failed on anything but an error the server reported. */
  async function withConnection<T>(fn: (conn: Connection) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    let broken = false;
    const guarded = async <R>(work: () => Promise<R>): Promise<R> => {
      try {
        return await work();
      } catch (error) {
        if (!(error instanceof pg.DatabaseError)) broken = true;
        throw wrap(error);
      }
    };
    try {
      return await fn({
        query: (text, params, rowMode) =>
          guarded(async () => (await client.query({ text, values: params as unknown[], ...(rowMode === "array" ? { rowMode: "array" } : {}) })).rows),
        copyFrom: (statement, data) => guarded(() => copyOn(client, statement, data)),
      });
    } finally {
      client.release(broken);
    }
  }

  return {
    kind: "postgres",
    async query(text, params, rowMode) {
      try {
        const result = await pool.query({ text, values: params as unknown[], ...(rowMode === "array" ? { rowMode: "array" } : {}) });
        return result.rows;
      } catch (error) {
        throw wrap(error);
      }
    },
    copyFrom: (statement, data) => withConnection((conn) => conn.copyFrom(statement, data)),
    withConnection,
    async exec(script) {
      try {
        await pool.query(script);
      } catch (error) {
        throw wrap(error);
      }
    },
    listen: (channel, onEvent) => listenOn(options, channel, onEvent),
    close: () => pool.end(),
  };
}

const RECONNECT_MS = 1_000;

/**
 * LISTEN on a connection of its own (a pooled one would be handed to queries), reconnecting after a loss.
 * The channel name is ours, never user input; it is quoted as an identifier all the same.
 */
function listenOn(options: PostgresOptions, channel: string, onEvent: (event: ListenEvent) => void): Listener {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;

  const lost = () => {
    if (stopped) return;
    onEvent("down");
    client?.removeAllListeners();
    void client?.end().catch(() => undefined);
    client = null;
    retry ??= setTimeout(() => {
      retry = null;
      void connect();
    }, RECONNECT_MS);
  };

  async function connect() {
    if (stopped) return;
    const next = new pg.Client({ connectionString: options.url, application_name: `${options.applicationName ?? "openkam"}:listen` });
    client = next;
    next.on("error", lost);
    next.on("end", lost);
    next.on("notification", () => onEvent("notify"));
    try {
      await next.connect();
      await next.query(`listen ${pg.escapeIdentifier(channel)}`);
      if (stopped) {
        await next.end();
        return;
      }
      onEvent("up");
    } catch {
      if (client === next) lost();
    }
  }

  void connect();
  return {
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      const current = client;
      client = null;
      current?.removeAllListeners();
      await current?.end().catch(() => undefined);
    },
  };
}

export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}

/**
 * Streams `data` into a `copy … from stdin` on one client, each part made when the stream asks for it, in chunks of
 * about COPY_CHUNK_BYTES: the copy stream sends each chunk it is given with two socket writes, and a system call cost
 * more than copying its bytes (a run's 800 result blocks written one by one spent 0.05 s in the calls alone).
 */
async function copyOn(client: pg.PoolClient, statement: string, data: Iterable<string | Uint8Array>): Promise<void> {
  await pipeline(Readable.from(inChunks(data, COPY_CHUNK_BYTES)), client.query(copyFrom(statement)));
}

const COPY_CHUNK_BYTES = 256 * 1024;
