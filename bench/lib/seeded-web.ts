import { createDatabase, migrate, type Database } from "@openkam/db";
import { BASE_ACCOUNTS } from "@openkam/db/seed/demo-accounts";
import { DEFAULT_DEMO_SEED, generateDemo, seedDemo } from "@openkam/db/seed/index";
import { hashPassword } from "@openkam/server";
import { sql } from "drizzle-orm";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fmt, log } from "./report";
import { BENCH_DATA } from "./seeded";

/** Demo scale of the real part of the book: 300 accounts with their orders, contacts and activities. */
const DEMO_SCALE = 1;
/** Rebuilt when older than this, so "the last 12 months" of the 360 chart still has orders in it. */
const MAX_AGE_DAYS = 30;

export interface WebSeedInfo {
  scale: number;
  asOf: string;
  seededAt: string;
  seconds: number;
  /** Accounts in the organization: the demo's own plus the synthetic ones. */
  accounts: number;
  demoAccounts: number;
  syntheticAccounts: number;
  orders: number;
  /** The account with the most revenue in the last 12 months, for the account 360 page. */
  largest: { id: string; name: string; revenue12m: string };
}

const today = () => new Date().toISOString().slice(0, 10);

/** The synthetic accounts come from the demo generator run with another seed: a second, independent company book. */
const SYNTHETIC_SEED = DEFAULT_DEMO_SEED + 1;
const BATCH = 2_000;

/**
 * Brings the demo organization up to `total` accounts. The extra accounts are the accounts of a second demo company
 * (`generateDemo` with another seed, at the scale that gives exactly the number missing) moved into the demo
 * organization: the same generator's names, regions, industries, tiers, statuses, sizes, tags, subsidiaries and
 * owners (mapped to the demo users by e-mail), so the list looks, sorts and filters like a real book. They carry no
 * orders, contacts or team (the accounts list does not need them); their external ids start with S, so they do not
 * clash with the demo's own. Generating them takes a few seconds, inserting them one JSON parameter per 2,000 rows.
 */
async function addSyntheticAccounts(db: Database, total: number, asOf: string): Promise<number> {
  const [org] = await db.rows<{ orgId: string; count: number }>(sql`
    select org_id as "orgId", count(*)::int as count from accounts group by org_id order by count(*) desc limit 1`);
  if (!org) throw new Error("the demo seeded no accounts");
  const missing = total - org.count;
  if (missing <= 0) return 0;
  const members = await db.rows<{ id: string; email: string }>(sql`
    select u.id, u.email from users u join memberships m on m.user_id = u.id where m.org_id = ${org.orgId}`);
  const byEmail = new Map(members.map((u) => [u.email.toLowerCase(), u.id]));
  const other = generateDemo({ scale: missing / BASE_ACCOUNTS, asOf, seed: SYNTHETIC_SEED });
  const userIds = new Map(other.users.map((u) => [u.id, byEmail.get(u.email.toLowerCase()) ?? null]));
  const user = (id: string | null | undefined) => (id ? userIds.get(id) ?? null : null);
  const rows = other.accounts.map((a) => ({
    org_id: org.orgId, id: a.id, name: a.name, name_key: a.nameKey, legal_name: a.legalName, industry: a.industry, region: a.region, country: a.country,
    currency: a.currency, size: a.size, tier: a.tier, status: a.status, owner_user_id: user(a.ownerUserId), parent_account_id: a.parentAccountId,
    tags: a.tags, external_id: a.externalId ? `S${a.externalId}` : null, created_by: user(a.createdBy), created_at: a.createdAt, updated_at: a.updatedAt,
  }));
  for (let i = 0; i < rows.length; i += BATCH) {
    await db.rows(sql`
      insert into accounts (org_id, id, name, name_key, legal_name, industry, region, country, currency, size, tier, status, owner_user_id,
        parent_account_id, tags, external_id, created_by, created_at, updated_at)
      select org_id, id, name, name_key, legal_name, industry, region, country, currency, size, tier, status, owner_user_id,
        parent_account_id, tags, external_id, created_by, created_at, updated_at
      from json_populate_recordset(null::accounts, ${JSON.stringify(rows.slice(i, i + BATCH))}::json)`);
  }
  await db.rows(sql`analyze accounts`);
  return rows.length;
}

async function describe(db: Database): Promise<Pick<WebSeedInfo, "accounts" | "orders" | "largest">> {
  const [counts] = await db.rows<{ accounts: number; orders: number }>(sql`
    select (select count(*) from accounts where deleted_at is null)::int as accounts, (select count(*) from orders)::int as orders`);
  const [largest] = await db.rows<WebSeedInfo["largest"]>(sql`
    select a.id, a.name, sum(o.amount)::text as "revenue12m"
    from orders o join accounts a on a.org_id = o.org_id and a.id = o.account_id
    where o.deleted_at is null and a.deleted_at is null and o.order_date >= current_date - 365
    group by a.id, a.name order by sum(o.amount) desc limit 1`);
  if (!counts || !largest) throw new Error("the seeded database has no accounts with orders");
  return { ...counts, largest };
}

/**
 * A PGlite data folder with the demo company at scale 1 plus synthetic accounts up to `accounts`, cached
 * under .bench-data/ (`pglite-web-<accounts>`) between runs.
 */
export async function seededWebDir(accounts: number, fresh: boolean): Promise<{ dataDir: string; info: WebSeedInfo }> {
  const dataDir = resolve(BENCH_DATA, `pglite-web-${accounts}`);
  const marker = `${dataDir}.json`;
  if (!fresh && existsSync(marker)) {
    const info = JSON.parse(readFileSync(marker, "utf8")) as WebSeedInfo;
    if (Date.now() - Date.parse(info.asOf) <= MAX_AGE_DAYS * 86_400_000) {
      log(`embedded: reusing ${dataDir} (seeded ${info.asOf}; --fresh rebuilds it)`);
      return { dataDir, info };
    }
  }
  rmSync(marker, { force: true });
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  log(`embedded: seeding the demo (scale ${DEMO_SCALE}) and synthetic accounts up to ${fmt(accounts)} into ${dataDir}`);
  const started = performance.now();
  const db = await createDatabase({ dataDir });
  try {
    await migrate(db);
    await seedDemo(db, { scale: DEMO_SCALE, asOf: today(), passwordHash: await hashPassword("openkam-demo") });
    const synthetic = await addSyntheticAccounts(db, accounts, today());
    const described = await describe(db);
    const info: WebSeedInfo = {
      scale: DEMO_SCALE,
      asOf: today(),
      seededAt: new Date().toISOString(),
      seconds: (performance.now() - started) / 1000,
      demoAccounts: described.accounts - synthetic,
      syntheticAccounts: synthetic,
      ...described,
    };
    log(`  seeded in ${fmt(info.seconds, 1)} s: ${fmt(info.accounts)} accounts (${fmt(info.demoAccounts)} demo, ${fmt(synthetic)} synthetic), ${fmt(info.orders)} orders`);
    writeFileSync(marker, JSON.stringify(info, null, 2));
    return { dataDir, info };
  } finally {
    await db.close();
  }
}
