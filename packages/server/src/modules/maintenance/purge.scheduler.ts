import type { Database } from "@openkam/db";
import { purgeExpired } from "./purge.repository";

const DAY_MS = 86_400_000;

/** Runs the purge a minute after start and then daily; returns a function that stops it. */
export function schedulePurge(db: Database, log: (message: string) => void): () => void {
  const run = async () => {
    const counts = await purgeExpired(db);
    if (counts && counts.accounts + counts.contacts + counts.orders > 0) {
      log(`purged deleted records older than 30 days: ${JSON.stringify(counts)}`);
    }
  };
  const safeRun = () => void run().catch((error: unknown) => log(`purge failed: ${(error as Error).message}`));
  const first = setTimeout(safeRun, 60_000);
  const daily = setInterval(safeRun, DAY_MS);
  first.unref();
  daily.unref();
  return () => {
    clearTimeout(first);
    clearInterval(daily);
  };
}
