import { getTableColumns, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../connection/database";
import { accounts, accountTeamMembers, contacts } from "../schema/accounts";
import { interactionContacts, interactions, interactionUsers, tasks } from "../schema/activities";
import { orderLines, orders, products } from "../schema/commerce";
import { raiseOrderBookRevision } from "../order-book-revisions";
import { memberships, organizations, users } from "../schema/identity";
import { insertJsonRows } from "./bulk-insert";
import { generateDemo, type DemoOptions } from "./demo-generator";
import { seedDemoEffort } from "./demo-effort";
import { seedDemoReviews } from "./demo-reviews";
import { seedDemoFeedback } from "./demo-feedback";
import { seedDemoGrowth } from "./demo-growth";
import { seedDemoPlans } from "./demo-plans";
import { seedDemoProgramme } from "./demo-programme";
import { seedDemoService } from "./demo-service";
import { seedDemoSurveys } from "./demo-surveys";
import { DEMO_LOGIN, DEMO_ORG_NAME } from "./demo-users";

export interface SeedDemoOptions extends DemoOptions {
  /** The argon2id hash of the demo password, made by the caller. */
  passwordHash: string;
  /** Called after each batch; `total` counts the rows of every table except order lines and attendees. */
  onProgress?: (done: number, total: number, label: string) => void;
}

export interface SeedDemoResult {
  readonly orgId: string;
  /** The demo admin, who signs in with DEMO_LOGIN. */
  readonly userId: string;
  /** Rows inserted, by table name. */
  readonly counts: Record<string, number>;
}

/** The demo organisation or its sign-in e-mail is already in this database. */
export class DemoAlreadySeededError extends Error {
  readonly code = "DEMO_ALREADY_SEEDED";

  constructor() {
    super(`the demo organisation "${DEMO_ORG_NAME}" or the user ${DEMO_LOGIN.email} already exists in this database`);
    this.name = "DemoAlreadySeededError";
  }
}

/** PostgreSQL accepts at most 65,535 parameters per statement; stay well below. */
const MAX_PARAMS = 60_000;
const MAX_ROWS = 2_000;

/** Rows per JSON batch: about a megabyte of JSON. */
const BULK_ROWS = 5_000;

const rowsPerBatch = (table: PgTable) => Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / Object.keys(getTableColumns(table)).length));

/**
 * Inserts the demo organisation in one transaction: a failure leaves nothing
 * behind. Tables go in foreign-key order (parent accounts and managers come
 * first in their lists); orders and interactions are generated batch by batch.
 */
export async function seedDemo(db: Db, options: SeedDemoOptions): Promise<SeedDemoResult> {
  const demo = generateDemo(options);
  const counts: Record<string, number> = {};
  const total = 1 + demo.users.length + demo.memberships.length + demo.accounts.length + demo.contacts.length + demo.teamMembers.length
    + demo.products.length + demo.planned.orders + demo.planned.interactions + demo.tasks.length;
  let done = 0;
  const progress = (rows: number, label: string) => {
    done += rows;
    options.onProgress?.(done, total, label);
  };

  return db.transaction(async (tx) => {
    const clash = await tx.rows(sql`
      select 1 from ${users} where lower(${users.email}) = ${DEMO_LOGIN.email.toLowerCase()}
      union all
      select 1 from ${organizations} where lower(${organizations.name}) = ${DEMO_ORG_NAME.toLowerCase()}
      limit 1`);
    if (clash.length > 0) throw new DemoAlreadySeededError();

    async function insert<T extends PgTable>(table: T, label: string, rows: readonly T["$inferInsert"][], counted = true): Promise<void> {
      const size = rowsPerBatch(table);
      for (let i = 0; i < rows.length; i += size) {
        const batch = rows.slice(i, i + size);
        await tx.orm.insert(table).values(batch);
        counts[label] = (counts[label] ?? 0) + batch.length;
        if (counted) progress(batch.length, label);
      }
    }

    /** The large tables: one JSON parameter per batch instead of one parameter per value. */
    async function insertBulk<T extends PgTable>(table: T, label: string, rows: readonly T["$inferInsert"][], counted = true): Promise<void> {
      for (let i = 0; i < rows.length; i += BULK_ROWS) {
        const batch = rows.slice(i, i + BULK_ROWS);
        await insertJsonRows(tx, table, batch);
        counts[label] = (counts[label] ?? 0) + batch.length;
        if (counted) progress(batch.length, label);
      }
    }

    await insert(organizations, "organizations", [demo.organization]);
    await insert(users, "users", demo.users);
    await insert(memberships, "memberships", demo.memberships);
    await insert(accounts, "accounts", demo.accounts);
    await insert(contacts, "contacts", demo.contacts);
    await insert(accountTeamMembers, "account_team_members", demo.teamMembers);
    await insert(products, "products", demo.products);

    const orderBatch: (typeof orders.$inferInsert)[] = [];
    const lineBatch: (typeof orderLines.$inferInsert)[] = [];
    const flushOrders = async () => {
      await insertBulk(orders, "orders", orderBatch.splice(0));
      await insertBulk(orderLines, "order_lines", lineBatch.splice(0), false);
    };
    for (const { order, lines } of demo.orders()) {
      orderBatch.push(order);
      lineBatch.push(...lines);
      if (orderBatch.length >= BULK_ROWS || lineBatch.length >= BULK_ROWS) await flushOrders();
    }
    await flushOrders();
    await raiseOrderBookRevision(tx, demo.organization.id!, "all");

    const interactionBatch: (typeof interactions.$inferInsert)[] = [];
    const contactBatch: (typeof interactionContacts.$inferInsert)[] = [];
    const userBatch: (typeof interactionUsers.$inferInsert)[] = [];
    const flushInteractions = async () => {
      await insertBulk(interactions, "interactions", interactionBatch.splice(0));
      await insertBulk(interactionContacts, "interaction_contacts", contactBatch.splice(0), false);
      await insertBulk(interactionUsers, "interaction_users", userBatch.splice(0), false);
    };
    for (const item of demo.interactions()) {
      interactionBatch.push(item.interaction);
      contactBatch.push(...item.contacts);
      userBatch.push(...item.users);
      if (interactionBatch.length >= BULK_ROWS / 2) await flushInteractions();
    }
    await flushInteractions();

    await insert(tasks, "tasks", demo.tasks);

    // Relate, plan and serve: each part reads the rows above and adds its own, as of the demo's day.
    const orgId = demo.organization.id!;
    const asOf = new Date(`${options.asOf}T12:00:00Z`);
    await seedDemoProgramme(tx, orgId);
    await seedDemoGrowth(tx, orgId);
    await seedDemoPlans(tx, orgId, asOf);
    await seedDemoService(tx, orgId, asOf);
    await seedDemoEffort(tx, orgId, asOf);
    await seedDemoReviews(tx, orgId, asOf);
    await seedDemoFeedback(tx, orgId, asOf);
    await seedDemoSurveys(tx, orgId, asOf);

    const admin = demo.users.find((u) => u.email === DEMO_LOGIN.email)!;
    return { orgId: demo.organization.id, userId: admin.id!, counts };
  });
}
