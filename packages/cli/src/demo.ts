import type { Database } from "@openkam/db";
import { countOrganizations, findUserByEmail } from "./identity.repository";
import { CliError } from "./cli-error";
import { queueDemoAnalyses } from "./demo-analyses";

export interface DemoLogin {
  email: string;
  password: string;
}

export function demoScale(value = process.env.OPENKAM_DEMO_SCALE ?? "1"): number {
  const scale = Number(value);
  if (!Number.isFinite(scale) || scale <= 0) throw new CliError(`the demo scale must be a number above 0, not "${value}"`);
  return scale;
}

/** Today in the local time zone, as YYYY-MM-DD: the demo's orders end yesterday, wherever it is started. */
function today(now = new Date()): string {
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, "0")).join("-");
}

/** Seeds the demo organization and its admin, showing progress on one line, and queues the demo's analyses. */
export async function seedDemoData(db: Database, scale: number, log: (line: string) => void): Promise<DemoLogin> {
  const [{ seedDemo, DEMO_LOGIN, DEFAULT_DEMO_SEED }, { hashPassword }] = await Promise.all([import("@openkam/db/seed/index"), import("@openkam/server")]);
  const started = Date.now();
  const tty = process.stdout.isTTY;
  log(`Seeding demo data (scale ${scale})…`);
  const result = await seedDemo(db, {
    scale,
    seed: DEFAULT_DEMO_SEED,
    asOf: today(),
    passwordHash: await hashPassword(DEMO_LOGIN.password),
    onProgress: tty ? (done, total, label) => process.stdout.write(`\r  ${Math.floor((100 * done) / total)}% (${label})\u001b[K`) : undefined,
  });
  if (tty) process.stdout.write("\r\u001b[K");
  const counts = Object.entries(result.counts).map(([entity, n]) => `${n} ${entity}`).join(", ");
  log(`Seeded ${counts} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const queued = await queueDemoAnalyses(db, result);
  log(`Queued ${queued} analyses of the demo's key accounts (RFM, Pareto, matrix, CLV, forecast, selection; RFM and matrix also as of half a year ago, to compare): the server runs them in the background`);
  return DEMO_LOGIN;
}

/**
 * The embedded database is the try-it-out path: a new data folder gets the demo
 * so there is something to look at. Returns the demo login while the demo user exists.
 */
export async function prepareEmbeddedDemo(db: Database, log: (line: string) => void): Promise<DemoLogin | null> {
  if ((await countOrganizations(db)) === 0) return seedDemoData(db, demoScale(), log);
  // Only the login, not the generator: this runs on every start.
  const { DEMO_LOGIN } = await import("@openkam/db/seed/demo-users");
  return (await findUserByEmail(db, DEMO_LOGIN.email)) ? DEMO_LOGIN : null;
}
