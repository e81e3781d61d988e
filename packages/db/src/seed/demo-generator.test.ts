import {
  ACCOUNT_SIZES, ACCOUNT_STATUSES, ACCOUNT_TIERS, BUYING_ROLES, INTERACTION_TYPES, ORDER_STATUSES, ORG_ROLES, TASK_PRIORITIES, TASK_STATUSES,
  TEAM_ROLES,
} from "@openkam/domain";
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateDemo, TEST_DEMO_SCALE, type DemoData } from "./demo-generator";
import { DEMO_LOGIN } from "./demo-users";

const AS_OF = "2025-06-30";

function digest(data: DemoData): string {
  const hash = createHash("sha256");
  const { orders, interactions, ...tables } = data;
  hash.update(JSON.stringify(tables));
  for (const order of orders()) hash.update(JSON.stringify(order));
  for (const interaction of interactions()) hash.update(JSON.stringify(interaction));
  return hash.digest("hex");
}

const small = generateDemo({ asOf: AS_OF, scale: TEST_DEMO_SCALE, seed: 1 });
const smallOrders = [...small.orders()];
const smallInteractions = [...small.interactions()];

describe("generateDemo: determinism", () => {
  it("gives byte-identical data, ids included, for the same seed and scale", () => {
    const again = generateDemo({ asOf: AS_OF, scale: TEST_DEMO_SCALE, seed: 1 });
    expect(digest(again)).toBe(digest(small));
    expect(again.accounts[0]!.id).toBe(small.accounts[0]!.id);
  });

  it("gives different data for a different seed", () => {
    const other = generateDemo({ asOf: AS_OF, scale: TEST_DEMO_SCALE, seed: 2 });
    expect(digest(other)).not.toBe(digest(small));
    expect(other.accounts.map((a) => a.id)).not.toEqual(small.accounts.map((a) => a.id));
  });

  it("restarts the lazy tables on each call", () => {
    expect([...small.orders()].map((o) => o.order.id)).toEqual(smallOrders.map((o) => o.order.id));
  });

  it("rejects a malformed as-of date and a bad scale", () => {
    expect(() => generateDemo({ asOf: "2025-02-30" })).toThrow();
    expect(() => generateDemo({ asOf: AS_OF, scale: 0 })).toThrow(RangeError);
  });
});

describe("generateDemo: at the test scale", () => {
  it("has about 15 accounts, 75 contacts and 3,000 orders", () => {
    expect(small.accounts.length).toBe(15);
    expect(small.contacts.length).toBeGreaterThan(40);
    expect(small.contacts.length).toBeLessThan(120);
    expect(smallOrders.length).toBeGreaterThan(2_800);
    expect(smallOrders.length).toBeLessThan(3_200);
    expect(small.planned.orders).toBe(smallOrders.length);
    expect(small.planned.interactions).toBe(smallInteractions.length);
    expect(small.products).toHaveLength(80);
    expect(small.tasks.length).toBeGreaterThan(10);
  });

  it("has the demo admin and about eight colleagues, all with one password hash", () => {
    const data = generateDemo({ asOf: AS_OF, scale: TEST_DEMO_SCALE, passwordHash: "hash" });
    const admin = data.users.find((u) => u.email === DEMO_LOGIN.email)!;
    expect(admin.name).toBe("Demo Admin");
    expect(data.memberships.find((m) => m.userId === admin.id)).toMatchObject({ role: "admin", isActive: true });
    expect(data.users.length).toBeGreaterThanOrEqual(9);
    expect(data.users.every((u) => u.passwordHash === "hash" && /^[a-z.]+@openkam\.dev$/.test(u.email))).toBe(true);
    expect(new Set(data.memberships.map((m) => m.role))).toEqual(new Set(["admin", "director", "account_manager", "member", "viewer"]));
  });

  it("uses only valid enum values", () => {
    const within = (values: readonly string[], list: readonly (string | null | undefined)[]) => list.every((v) => v == null || values.includes(v));
    expect(within(ORG_ROLES, small.memberships.map((m) => m.role))).toBe(true);
    expect(within(ACCOUNT_TIERS, small.accounts.map((a) => a.tier))).toBe(true);
    expect(within(ACCOUNT_STATUSES, small.accounts.map((a) => a.status))).toBe(true);
    expect(within(ACCOUNT_SIZES, small.accounts.map((a) => a.size))).toBe(true);
    expect(within(BUYING_ROLES, small.contacts.map((c) => c.buyingRole))).toBe(true);
    expect(within(TEAM_ROLES, small.teamMembers.map((m) => m.teamRole))).toBe(true);
    expect(within(ORDER_STATUSES, smallOrders.map((o) => o.order.status))).toBe(true);
    expect(within(INTERACTION_TYPES, smallInteractions.map((i) => i.interaction.type))).toBe(true);
    expect(within(TASK_STATUSES, small.tasks.map((t) => t.status))).toBe(true);
    expect(within(TASK_PRIORITIES, small.tasks.map((t) => t.priority))).toBe(true);
    for (const c of small.contacts) {
      expect(c.influence).toBeGreaterThanOrEqual(1);
      expect(c.influence).toBeLessThanOrEqual(5);
      expect(c.attitude).toBeGreaterThanOrEqual(-2);
      expect(c.attitude).toBeLessThanOrEqual(2);
    }
    for (const m of small.teamMembers) expect(m.allocationPct).toBeGreaterThanOrEqual(0);
    for (const m of small.teamMembers) expect(m.allocationPct).toBeLessThanOrEqual(100);
  });

  it("keeps ids and external ids unique", () => {
    const unique = (values: unknown[]) => new Set(values).size === values.length;
    expect(unique(small.accounts.map((a) => a.id))).toBe(true);
    expect(unique(small.accounts.map((a) => a.name))).toBe(true);
    expect(unique(small.contacts.map((c) => c.id))).toBe(true);
    expect(unique(small.products.map((p) => p.sku))).toBe(true);
    expect(unique(smallOrders.map((o) => o.order.id))).toBe(true);
    expect(unique(smallOrders.map((o) => o.order.externalId))).toBe(true);
    expect(unique(smallInteractions.map((i) => i.interaction.externalId))).toBe(true);
    expect(unique(small.teamMembers.map((m) => `${m.accountId}/${m.userId}`))).toBe(true);
  });

  it("lists parent accounts before their subsidiaries", () => {
    const seen = new Set<string>();
    for (const account of small.accounts) {
      if (account.parentAccountId) expect(seen.has(account.parentAccountId)).toBe(true);
      seen.add(account.id!);
    }
    expect(small.accounts.some((a) => a.parentAccountId)).toBe(true);
  });

  it("gives foreign accounts their own currency and Chinese accounts CNY", () => {
    for (const a of small.accounts) {
      if (a.country === "CN") expect(a.currency).toBe("CNY");
      else expect(["USD", "EUR"]).toContain(a.currency);
    }
  });

  it("plans a few interactions after the as-of date and leaves some tasks overdue", () => {
    const asOf = new Date(`${AS_OF}T00:00:00Z`);
    expect(smallInteractions.some((i) => i.interaction.occurredAt > asOf)).toBe(true);
    expect(small.tasks.some((t) => t.dueDate != null && t.dueDate < AS_OF && (t.status === "todo" || t.status === "in_progress"))).toBe(true);
    for (const i of smallInteractions) expect(i.users.length).toBeGreaterThan(0);
  });

  it("refers only to users with a membership, contacts of the same account and existing products", () => {
    const members = new Set(small.memberships.map((m) => m.userId));
    const contactAccount = new Map(small.contacts.map((c) => [c.id, c.accountId]));
    const productIds = new Set(small.products.map((p) => p.id));
    for (const m of small.teamMembers) expect(members.has(m.userId)).toBe(true);
    for (const a of small.accounts) expect(members.has(a.ownerUserId!)).toBe(true);
    for (const i of smallInteractions) {
      for (const c of i.contacts) expect(contactAccount.get(c.contactId)).toBe(i.interaction.accountId);
      for (const u of i.users) expect(members.has(u.userId)).toBe(true);
    }
    for (const o of smallOrders) for (const line of o.lines) expect(productIds.has(line.productId)).toBe(true);
  });
});
