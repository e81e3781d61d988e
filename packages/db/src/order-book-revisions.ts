import { sql } from "drizzle-orm";
import type { Db } from "./connection/database";

/**
 * Raises the organization's order-book revision. Every write to orders calls it in the same transaction, so a
 * reader that sees the new orders also sees the new revision (the analyses' in-memory order books rely on it).
 */
export async function raiseOrderBookRevision(tx: Db, orgId: string): Promise<void> {
  await tx.rows(sql`
    insert into order_book_revisions (org_id, revision) values (${orgId}, 1)
    on conflict (org_id) do update set revision = order_book_revisions.revision + 1`);
}
