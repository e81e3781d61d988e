import type { Db } from "../connection/database";
import { newId } from "../ids";
import { contacts, products } from "../schema/index";
import { withNameKey } from "../name-order";

/** Builders for contacts and products, in the manner of ./builders.ts: one row, sensible defaults, overrides. */
let seq = 0;
const next = () => ++seq;

export async function buildContact(db: Db, orgId: string, accountId: string, overrides: Partial<typeof contacts.$inferInsert> = {}) {
  const n = next();
  const values = { orgId, id: newId(), accountId, name: `Contact ${n}`, email: `contact${n}@example.test`, ...overrides };
  const [row] = await db.orm.insert(contacts).values(withNameKey(values)).returning();
  return row!;
}

export async function buildProduct(db: Db, orgId: string, overrides: Partial<typeof products.$inferInsert> = {}) {
  const n = next();
  const values = { orgId, id: newId(), sku: `SKU-${n}-${newId().slice(-6)}`, name: `Product ${n}`, ...overrides };
  const [row] = await db.orm.insert(products).values(withNameKey(values)).returning();
  return row!;
}
