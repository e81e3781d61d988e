import { accounts, binaryCopyData, binaryCopyRow, orderBookChanges, orderBookRevisions, orderBookSnapshots, orderBookSnapshotSegments, orders, type Db } from "@openkam/db";
import { and, eq, gt, gte, isNull, lt, lte, sql } from "drizzle-orm";
import { inOrg, type Scope } from "../../tenancy/scope";

/** The organization's order-book revision (0 before its first order). */
export async function orderBookRevision(db: Db, scope: Scope): Promise<number> {
  const [row] = await db.orm.select({ revision: orderBookRevisions.revision }).from(orderBookRevisions).where(inOrg(scope, orderBookRevisions.orgId)).limit(1);
  return Number(row?.revision ?? 0);
}

/** One account's orders in one currency, packed (base64). */
export interface PackedSegment {
  account_id: string;
  currency: string;
  packed: string;
}

/** Accounts with ids in [from, below), or those of a list. */
export interface AccountRange {
  from?: string;
  below?: string;
  only?: readonly string[];
}

/**
 * Every counted order of the organization (confirmed, not deleted), one row per account and currency with the
 * orders packed as the domain's OrderBookBuilder reads them: the day (int4send) and the amount in cents
 * (float8send), base64 text so both engines return the same thing. About 16 bytes of text per order instead of a
 * row each: 10,000,000 orders come back as 100,000 rows; `accountRange` narrows them to some accounts.
 */
export async function packedOrderSegments(db: Db, scope: Scope, accountRange: AccountRange = {}) {
  return db.rows<PackedSegment>(sql`
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

/** The revision of the organization's stored order-book snapshot, if it has one: whether reading it is worth it. */
export async function orderBookSnapshotRevision(db: Db, scope: Scope): Promise<number | undefined> {
  const [row] = await db.orm.select({ revision: orderBookSnapshots.revision }).from(orderBookSnapshots).where(inOrg(scope, orderBookSnapshots.orgId)).limit(1);
  return row === undefined ? undefined : Number(row.revision);
}

/**
 * The organization's stored order-book snapshot: its revision and segments (packed as packedOrderSegments gives them,
 * base64 text too: the embedded engine's reading of bytea took ten times as long), read by one statement so that
 * both come from the same moment (a snapshot replaced or dropped meanwhile is seen whole or not at all). Undefined when
 * there is none, or it holds no orders.
 */
export async function orderBookSnapshot(db: Db, scope: Scope): Promise<{ revision: number; segments: PackedSegment[] } | undefined> {
  const s = orderBookSnapshotSegments;
  const rows = await db.rows<PackedSegment & { revision: number | string }>(sql`
    select ${s.accountId} as account_id, ${s.currency} as currency, encode(${s.packed}, 'base64') as packed, ${orderBookSnapshots.revision} as revision
    from ${s} join ${orderBookSnapshots} on ${orderBookSnapshots.orgId} = ${s.orgId}
    where ${inOrg(scope, s.orgId)}`);
  return rows.length === 0 ? undefined : { revision: Number(rows[0]!.revision), segments: rows };
}

/**
 * Stores the organization's order book as a whole read found it at `revision`, replacing the stored snapshot when
 * that one is older; false when a snapshot as recent or more recent is there (another process stored it first). The
 * snapshot row's lock orders two processes storing at once: the later waits, then finds the other's revision.
 */
export async function storeOrderBookSnapshot(db: Db, scope: Scope, revision: number, segments: Iterable<{ account: string; currency: string; packed: Uint8Array }>): Promise<boolean> {
  return db.transaction(async (tx) => {
    const stored = await tx.rows<{ revision: number }>(sql`
      insert into ${orderBookSnapshots} (org_id, revision) values (${scope.orgId}, ${revision})
      on conflict (org_id) do update set revision = excluded.revision, created_at = now()
      where ${orderBookSnapshots.revision} < excluded.revision
      returning revision`);
    if (stored.length === 0) return false;
    await tx.orm.delete(orderBookSnapshotSegments).where(inOrg(scope, orderBookSnapshotSegments.orgId));
    function* rows() {
      for (const segment of segments) {
        yield binaryCopyRow([
          { type: "uuid", value: scope.orgId },
          { type: "uuid", value: segment.account },
          { type: "text", value: segment.currency },
          { type: "bytea", value: segment.packed },
        ]);
      }
    }
    await tx.copyFrom("copy order_book_snapshot_segments (org_id, account_id, currency, packed) from stdin (format binary)", binaryCopyData(rows()));
    return true;
  });
}
