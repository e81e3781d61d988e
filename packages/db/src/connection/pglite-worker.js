// Runs PGlite on its own thread. PGlite executes on the thread that owns it, so a
// long query on the request thread would stall every other request; here it
// stalls only this worker while the server keeps answering.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";

const raw = (value) => value;
// Same shapes as the `pg` driver in server mode: exact decimals and timestamps
// as strings (Drizzle maps them), bigint counts as numbers.
const parsers = { 20: (v) => Number(v), 1700: raw, 1082: raw, 1114: raw, 1184: raw };

const db = new PGlite(workerData.dataDir ?? undefined, { parsers });

function serialiseError(error) {
  const fields = {};
  for (const key of ["code", "detail", "constraint", "table", "column", "schema", "hint"]) {
    if (error && typeof error[key] === "string") fields[key] = error[key];
  }
  return { message: error instanceof Error ? error.message : String(error), fields };
}

async function handle(message) {
  switch (message.op) {
    case "query": {
      const result = await db.query(message.text, message.params, { rowMode: message.rowMode });
      return result.rows;
    }
    case "copy": {
      // PGlite reads a COPY's input from a blob named /dev/blob instead of the client's stdin.
      const text = message.text.replace(/\bfrom\s+stdin\b/i, "from '/dev/blob'");
      await db.query(text, [], { blob: new Blob(message.params) });
      return [];
    }
    case "exec":
      await db.exec(message.text);
      return [];
    case "close":
      await db.close();
      return [];
    default:
      throw new Error(`unknown op ${message.op}`);
  }
}

db.waitReady.then(
  () => parentPort.postMessage({ ready: true }),
  (error) => parentPort.postMessage({ ready: false, error: serialiseError(error) }),
);

parentPort.on("message", (message) => {
  handle(message).then(
    (rows) => parentPort.postMessage({ id: message.id, ok: true, rows }),
    (error) => parentPort.postMessage({ id: message.id, ok: false, error: serialiseError(error) }),
  );
});
