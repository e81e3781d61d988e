import { Worker } from "node:worker_threads";
import { DatabaseError, type Connection, type Driver, type RowMode } from "./driver";
import { createMutex } from "./mutex";

interface WorkerReply {
  id?: number;
  ready?: boolean;
  ok?: boolean;
  rows?: unknown[];
  error?: { message: string; fields: Record<string, string> };
}

/**
 * PGlite in a worker thread. It has a single connection, so a mutex gives one
 * caller at a time the whole database: a transaction holds it from BEGIN to
 * COMMIT, and single statements queue behind it.
 */
export async function createPgliteDriver(dataDir: string | null): Promise<Driver> {
  const worker = new Worker(new URL("./pglite-worker.js", import.meta.url), { workerData: { dataDir } });
  const pending = new Map<number, { resolve: (rows: unknown[]) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let closed = false;

  await new Promise<void>((resolve, reject) => {
    const onReady = (reply: WorkerReply) => {
      if (reply.ready === undefined) return;
      worker.off("message", onReady);
      if (reply.ready) resolve();
      else reject(new DatabaseError(`could not open the embedded database: ${reply.error?.message}`, reply.error?.fields ?? {}));
    };
    worker.on("message", onReady);
    worker.once("error", reject);
  });

  worker.on("message", (reply: WorkerReply) => {
    if (reply.id === undefined) return;
    const waiter = pending.get(reply.id);
    if (!waiter) return;
    pending.delete(reply.id);
    if (reply.ok) waiter.resolve(reply.rows ?? []);
    else waiter.reject(new DatabaseError(reply.error?.message ?? "database error", reply.error?.fields ?? {}));
  });
  worker.on("error", (error) => {
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  });

  function send(op: string, text: string, params: readonly unknown[] = [], rowMode: RowMode = "object"): Promise<unknown[]> {
    if (closed) return Promise.reject(new Error("the embedded database is closed"));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, op, text, params, rowMode });
    });
  }

  const mutex = createMutex();
  const direct: Connection = {
    query: (text, params, rowMode) => send("query", text, params, rowMode),
    // The worker gets every part at once: PGlite reads a COPY's input from one blob.
    copyFrom: (statement, data) => send("copy", statement, [...data]).then(() => undefined),
  };

  return {
    kind: "pglite",
    query: (text, params, rowMode) => mutex.run(() => direct.query(text, params, rowMode)),
    copyFrom: (statement, data) => mutex.run(() => direct.copyFrom(statement, data)),
    withConnection: (fn) => mutex.run(() => fn(direct)),
    exec: (script) => mutex.run(() => send("exec", script).then(() => undefined)),
    async close() {
      if (closed) return;
      await mutex.run(() => send("close", ""));
      closed = true;
      await worker.terminate();
    },
  };
}
