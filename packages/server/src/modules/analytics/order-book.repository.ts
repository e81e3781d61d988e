import { accounts, orderBookChanges, orderBookRevisions, orders, type Db } from "@openkam/db";
import { and, eq, gt, gte, isNull, lt, lte, sql } from "drizzle-orm";
import { inOrg, type Scope } from "../../tenancy/scope";

/** The organization's order-book revision (0 before its first order). */
export async function orderBookRevision(db: Db, scope: Scope): Promise<number> {
  const [row] = await db.orm.select({ revision: orderBookRevisions.revision }).from(orderBookRevisions).where(inOrg(scope, orderBookRevisions.orgId)).limit(1);
  return Number(row?.revision ?? 0);
}

/**
 * Every counted order of the organization (confirmed, not deleted), one row per account and currency with the
 * orders packed as the domain's OrderBookBuilder reads them: the day (int4send) and the amount in cents
 * (float8send), base64 text so both engines return the same thing. About 16 bytes of text per order instead of a
 * row each: 10,000,000 orders come back as 100,000 rows. `accounts` reads the accounts with ids in [from, below), or
 * those of a list.
 */
export async function packedOrderSegments(db: Db, scope: Scope, accountRange: { from?: string; below?: string; only?: readonly string[] } = {}) {
  return db.rows<{ account_id: string; currency: string; packed: string }>(sql`
    select ${orders.accountId} as account_id, ${orders.currency} as currency,
      encode(string_agg(int4send(${orders.orderDate} - date '1970-01-01') || float8send((${orders.amount} * 100)::float8), ''::bytea), 'base64') as packed
    from ${orders}
    where ${and(
      inOrg(scope, orders.orgId), isNull(orders.deletedAt), eq(orders.status, "confirmed"),
      accountRange.from !== undefined ? gte(orders.accountId, accountRange.from) : undefined,
      accountRange.below !== undefined ? lt(orders.accountId, accountRange.below) : undefined,
      accountRange.only !== undefined ? sql`${orders.accountId} = any(${sql.param([...accountRange.only])}::uuid[])` : undefined,
    )}
    group by 1, 2`);
}

/** The id that splits the organization's accounts in two halves (undefined without accounts). */
export async function middleAccountId(db: Db, scope: Scope): Promise<string | undefined> {
  const [row] = await db.rows<{ id: string }>(sql`
    select ${accounts.id} as id from ${accounts} where ${inOrg(scope, accounts.orgId)}
    order by ${accounts.id}
    offset (select count(*) / 2 from ${accounts} where ${inOrg(scope, accounts.orgId)}) limit 1`);
  return row?.id;
}

/**
 * The accounts whose orders changed in the revisions after `after` up to `upTo`, one entry per revision (null: any
 * account); fewer entries than revisions when the older ones are no longer kept.
 */
export async function orderBookChangesBetween(db: Db, scope: Scope, after: number, upTo: number) {
  return db.orm
    .select({ revision: orderBookChanges.revision, accountIds: orderBookChanges.accountIds })
    .from(orderBookChanges)
    .where(and(inOrg(scope, orderBookChanges.orgId), gt(orderBookChanges.revision, after), lte(orderBookChanges.revision, upTo)));
}
