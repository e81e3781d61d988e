import type { OrgRole } from "@openkam/domain";
import type { Db } from "../connection/database";
import { newId } from "../ids";
import { accounts, accountTeamMembers, memberships, organizations, users } from "../schema/index";
import { withNameKey } from "../name-order";

/**
 * Test builders: each inserts one row with sensible defaults, and overrides
 * for what the test is about. They return the inserted row.
 */
let seq = 0;
const next = () => ++seq;

export async function buildOrganization(db: Db, overrides: Partial<typeof organizations.$inferInsert> = {}) {
  const [row] = await db.orm.insert(organizations).values({ id: newId(), name: `Org ${next()} ${newId().slice(-8)}`, ...overrides }).returning();
  return row!;
}

export async function buildUser(db: Db, overrides: Partial<typeof users.$inferInsert> & { passwordHash: string }) {
  const n = next();
  const values = { id: newId(), email: `user${n}-${newId().slice(-8)}@example.test`, name: `User ${n}`, ...overrides };
  const [row] = await db.orm.insert(users).values(withNameKey(values)).returning();
  return row!;
}

export async function buildMembership(db: Db, orgId: string, userId: string, role: OrgRole, overrides: Partial<typeof memberships.$inferInsert> = {}) {
  const [row] = await db.orm.insert(memberships).values({ orgId, userId, role, ...overrides }).returning();
  return row!;
}

export async function buildAccount(db: Db, orgId: string, overrides: Partial<typeof accounts.$inferInsert> = {}) {
  const values = { orgId, id: newId(), name: `Account ${next()}`, currency: "CNY", ...overrides };
  const [row] = await db.orm.insert(accounts).values(withNameKey(values)).returning();
  return row!;
}

export async function buildTeamMember(db: Db, orgId: string, accountId: string, userId: string, overrides: Partial<typeof accountTeamMembers.$inferInsert> = {}) {
  const [row] = await db.orm.insert(accountTeamMembers).values({ orgId, accountId, userId, teamRole: "sales", allocationPct: 10, ...overrides }).returning();
  return row!;
}
