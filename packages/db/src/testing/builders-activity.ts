import type { Db } from "../connection/database";
import { newId } from "../ids";
import { raiseOrderBookRevision } from "../order-book-revisions";
import { contacts, interactions, orderLines, orders, products, tasks } from "../schema/index";
import { withNameKey } from "../name-order";

/**
 * Test builders for the records around an account (products, contacts,
 * orders, interactions, tasks): one row with defaults, overrides for what the
 * test is about. They write straight to the tables, so a test does not depend
 * on another module's routes.
 */
let seq = 0;
const next = () => ++seq;

export async function buildProduct(db: Db, orgId: string, overrides: Partial<typeof products.$inferInsert> = {}) {
  const n = next();
  const values = { orgId, id: newId(), sku: `SKU-${n}-${newId().slice(-6)}`, name: `Product ${n}`, ...overrides };
  const [row] = await db.orm.insert(products).values(withNameKey(values)).returning();
  return row!;
}

export async function buildContact(db: Db, orgId: string, accountId: string, overrides: Partial<typeof contacts.$inferInsert> = {}) {
  const values = { orgId, id: newId(), accountId, name: `Contact ${next()}`, ...overrides };
  const [row] = await db.orm.insert(contacts).values(withNameKey(values)).returning();
  return row!;
}

type OrderOverrides = Partial<typeof orders.$inferInsert> & {
  lines?: Array<{ productId: string; quantity: string; unitPrice: string; amount: string }>;
};

/** An order (amount defaults to 100.00, or to what the caller says); lines are stored as given. */
export async function buildOrder(db: Db, orgId: string, accountId: string, overrides: OrderOverrides = {}) {
  const { lines = [], ...values } = overrides;
  const [row] = await db.orm
    .insert(orders)
    .values({ orgId, id: newId(), accountId, orderDate: "2024-01-15", currency: "CNY", amount: "100.00", ...values })
    .returning();
  if (lines.length > 0) {
    await db.orm.insert(orderLines).values(lines.map((l, i) => ({ ...l, orgId, orderId: row!.id, lineNo: i + 1 })));
  }
  await raiseOrderBookRevision(db, orgId, [row!.accountId]);
  return row!;
}

export async function buildInteraction(db: Db, orgId: string, accountId: string, overrides: Partial<typeof interactions.$inferInsert> = {}) {
  const [row] = await db.orm
    .insert(interactions)
    .values({ orgId, id: newId(), accountId, type: "call", occurredAt: new Date(), subject: `Interaction ${next()}`, ...overrides })
    .returning();
  return row!;
}

export async function buildTask(db: Db, orgId: string, overrides: Partial<typeof tasks.$inferInsert> = {}) {
  const [row] = await db.orm.insert(tasks).values({ orgId, id: newId(), title: `Task ${next()}`, ...overrides }).returning();
  return row!;
}
