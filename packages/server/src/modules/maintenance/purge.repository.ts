import type { Db } from "@openkam/db";
import { sql } from "drizzle-orm";
import { removeAccountsFromResults } from "../analytics/result-blocks";

export const RESTORE_WINDOW_DAYS = 30;
// Any constant; it only has to be the same on every instance.
const PURGE_LOCK = 7_415_926_536;

export interface PurgeCounts {
  accounts: number;
  contacts: number;
  orders: number;
}

const count = async (tx: Db, query: ReturnType<typeof sql>) => (await tx.rows<{ n: number }>(query))[0]?.n ?? 0;

/**
 * Deletes for good what was soft-deleted more than 30 days ago, in every
 * organization: orders, contacts, and accounts with everything hanging off
 * them. This is system maintenance, the one place that spans organizations;
 * every statement still joins on org_id so the composite keys are used.
 */
export async function purgeExpired(db: Db): Promise<PurgeCounts | null> {
  const cutoff = sql`now() - make_interval(days => ${RESTORE_WINDOW_DAYS})`;
  return db.transaction(async (tx) => {
    // With several instances, the one that gets the lock purges; the others skip.
    const [lock] = await tx.rows<{ ok: boolean }>(sql`select pg_try_advisory_xact_lock(${PURGE_LOCK}) as ok`);
    if (!lock?.ok) return null;
    await tx.rows(sql`create temporary table if not exists purge_accounts (org_id uuid, id uuid) on commit drop`);
    await tx.rows(sql`insert into purge_accounts select org_id, id from accounts where deleted_at < ${cutoff}`);
    await tx.rows(sql`create temporary table if not exists purge_contacts (org_id uuid, id uuid) on commit drop`);
    await tx.rows(sql`insert into purge_contacts
      select c.org_id, c.id from contacts c
      where c.deleted_at < ${cutoff} or exists (select 1 from purge_accounts p where p.org_id = c.org_id and p.id = c.account_id)`);

    // The stored order-book snapshots of the organizations concerned hold what is purged: they are dropped whole (a
    // snapshot is read whole or not at all), and the next whole read of each book stores a new one.
    const orders = await count(tx, sql`with gone as (
        delete from orders o where o.deleted_at < ${cutoff}
          or exists (select 1 from purge_accounts p where p.org_id = o.org_id and p.id = o.account_id)
        returning o.org_id),
      segments as (delete from order_book_snapshot_segments s where s.org_id in (select org_id from gone)),
      snapshots as (delete from order_book_snapshots b where b.org_id in (select org_id from gone))
      select count(*)::int as n from gone`);
    await tx.rows(sql`delete from interactions i using purge_accounts p where p.org_id = i.org_id and p.id = i.account_id`);
    await tx.rows(sql`delete from tasks t using purge_accounts p where p.org_id = t.org_id and p.id = t.account_id`);
    // A purged account leaves the analysis snapshots it was in (the runs' summaries keep their figures) and its tier history.
    await removeAccountsFromResults(tx, sql`select org_id from purge_accounts`, sql`(select coalesce(array_agg(p.id), '{}') from purge_accounts p where p.org_id = analysis_result_blocks.org_id)`);
    await tx.rows(sql`delete from account_tier_changes h using purge_accounts p where p.org_id = h.org_id and p.id = h.account_id`);
    await tx.rows(sql`delete from interaction_contacts ic using purge_contacts p where p.org_id = ic.org_id and p.id = ic.contact_id`);
    await tx.rows(sql`update contacts c set reports_to_contact_id = null from purge_contacts p
      where p.org_id = c.org_id and p.id = c.reports_to_contact_id`);
    const contacts = await count(tx, sql`with gone as (
        delete from contacts c using purge_contacts p where p.org_id = c.org_id and p.id = c.id returning 1)
      select count(*)::int as n from gone`);
    await tx.rows(sql`update accounts a set parent_account_id = null from purge_accounts p
      where p.org_id = a.org_id and p.id = a.parent_account_id`);
    const accounts = await count(tx, sql`with gone as (
        delete from accounts a using purge_accounts p where p.org_id = a.org_id and p.id = a.id returning 1)
      select count(*)::int as n from gone`);
    return { accounts, contacts, orders };
  });
}
