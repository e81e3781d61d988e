import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../connection/database";
import { createTestDatabase } from "../testing/test-database";
import { generateDemo, TEST_DEMO_SCALE } from "./demo-generator";
import { DEMO_LOGIN } from "./demo-users";
import { DemoAlreadySeededError, seedDemo } from "./seed-demo";

const options = { asOf: "2025-06-30", scale: TEST_DEMO_SCALE, seed: 3, passwordHash: "$argon2id$test" };

describe("seedDemo", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  const count = async (table: string) =>
    (await db.rows<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n;

  it("leaves nothing behind when it fails half-way", async () => {
    const failing = seedDemo(db, {
      ...options,
      onProgress: (_done, _total, label) => {
        if (label === "orders") throw new Error("stop");
      },
    });
    await expect(failing).rejects.toThrow("stop");
    expect(await count("organizations")).toBe(0);
    expect(await count("accounts")).toBe(0);
  });

  it("inserts exactly the generated rows, in one transaction", async () => {
    const progress: number[] = [];
    const result = await seedDemo(db, { ...options, onProgress: (done, total) => progress.push(done / total) });
    const demo = generateDemo(options);
    const orders = [...demo.orders()];
    expect(result.counts).toMatchObject({
      accounts: demo.accounts.length,
      contacts: demo.contacts.length,
      orders: orders.length,
      order_lines: orders.reduce((n, o) => n + o.lines.length, 0),
      interactions: demo.planned.interactions,
      tasks: demo.tasks.length,
    });
    expect(await count("orders")).toBe(orders.length);
    expect(progress.at(-1)).toBe(1);
    expect(result.orgId).toBe(demo.organization.id);
  });

  it("stores amounts exactly: each order is the sum of its lines", async () => {
    const rows = await db.rows<{ n: number }>(sql`
      select count(*)::int as n from orders o
      where o.amount <> (select sum(l.amount) from order_lines l where l.org_id = o.org_id and l.order_id = o.id)`);
    expect(rows[0]!.n).toBe(0);
    const [first] = generateDemo(options).orders();
    const [stored] = await db.rows<{ amount: string; quantity: string }>(sql`
      select o.amount, l.quantity from orders o join order_lines l on l.org_id = o.org_id and l.order_id = o.id and l.line_no = 1
      where o.id = ${first!.order.id}`);
    expect(stored).toEqual({ amount: first!.order.amount, quantity: first!.lines[0]!.quantity });
  });

  it("lets the demo admin sign in to the demo organisation", async () => {
    const [row] = await db.rows<{ password_hash: string; role: string; is_active: boolean }>(sql`
      select u.password_hash, m.role, m.is_active from users u join memberships m on m.user_id = u.id where u.email = ${DEMO_LOGIN.email}`);
    expect(row).toEqual({ password_hash: options.passwordHash, role: "admin", is_active: true });
  });

  it("refuses to seed the demo twice", async () => {
    await expect(seedDemo(db, options)).rejects.toBeInstanceOf(DemoAlreadySeededError);
  });
});
