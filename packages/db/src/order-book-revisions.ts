import { sql } from "drizzle-orm";
import type { Db } from "./connection/database";

/** Revisions whose changed accounts are kept (order_book_changes); a book further behind is read whole. */
export const ORDER_BOOK_CHANGES_KEPT = 1_000;

/**
 * Raises the organization's order-book revision and records whose orders changed: the accounts (every account an order
 * left or joined), or "all" when the writer does not know them (a seed, a re-import that may move orders between
 * accounts). Every write to orders calls it in the same transaction, so a reader that sees the new orders also sees
 * the new revision (the analyses' in-memory order books rely on it). One statement: the revision's row lock orders
 * concurrent writers, so the revisions recorded have no gaps.
 */
export async function raiseOrderBookRevision(tx: Db, orgId: string, changed: readonly string[] | "all"): Promise<void> {
  const accountIds = changed === "all" ? null : [...new Set(changed)];
  await tx.rows(sql`
    with raised as (
      insert into order_book_revisions (org_id, revision) values (${orgId}, 1)
      on conflict (org_id) do update set revision = order_book_revisions.revision + 1
      returning revision
    ), logged as (
      insert into order_book_changes (org_id, revision, account_ids) select ${orgId}, revision, ${accountIds === null ? null : sql.param(accountIds)}::uuid[] from raised
    )
    delete from order_book_changes where org_id = ${orgId} and revision <= (select revision from raised) - ${ORDER_BOOK_CHANGES_KEPT}`);
}
