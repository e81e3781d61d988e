import { memberships, newId, organizations, PG_ERRORS, users, withNameKey, type Db } from "@openkam/db";
import type { OrgRole } from "@openkam/domain";
import { inOrg, systemScope } from "@openkam/server/tenancy/scope";
import { and, eq, sql } from "drizzle-orm";
import { CliError, sqlStateOf } from "./cli-error";

// Organizations and users are global, not tenant-owned; names and e-mails are unique without regard to case.

export interface OrganizationRow {
  id: string;
  name: string;
}

export async function findOrganizationByName(db: Db, name: string): Promise<OrganizationRow | undefined> {
  const [row] = await db.orm
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(eq(sql`lower(${organizations.name})`, name.toLowerCase()))
    .limit(1);
  return row;
}

/** The organization named by `--org`, or an error that says how to create it. */
export async function requireOrganization(db: Db, name: string): Promise<OrganizationRow> {
  const org = await findOrganizationByName(db, name);
  if (!org) throw new CliError(`no organization named "${name}"; create it with: openkam org create --name "${name}"`);
  return org;
}

export async function countOrganizations(db: Db): Promise<number> {
  const [row] = await db.rows<{ n: number }>(sql`select count(*)::int as n from ${organizations}`);
  return row?.n ?? 0;
}

export async function insertOrganization(db: Db, name: string): Promise<OrganizationRow> {
  try {
    const [row] = await db.orm.insert(organizations).values({ id: newId(), name }).returning({ id: organizations.id, name: organizations.name });
    return row!;
  } catch (error) {
    if (sqlStateOf(error) === PG_ERRORS.uniqueViolation) throw new CliError(`an organization named "${name}" already exists`);
    throw error;
  }
}

export async function findUserByEmail(db: Db, email: string): Promise<{ id: string; email: string } | undefined> {
  const [row] = await db.orm
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    .limit(1);
  return row;
}

export async function insertUser(db: Db, user: { email: string; name: string; passwordHash: string }): Promise<{ id: string }> {
  const [row] = await db.orm.insert(users).values(withNameKey({ id: newId(), ...user })).returning({ id: users.id });
  return row!;
}

/** Makes the user an active member with this role; says whether they were a member already. */
export async function upsertMembership(db: Db, orgId: string, userId: string, role: OrgRole): Promise<"added" | "updated"> {
  const scope = systemScope(orgId);
  const [existing] = await db.orm
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(inOrg(scope, memberships.orgId), eq(memberships.userId, userId)))
    .limit(1);
  if (!existing) {
    await db.orm.insert(memberships).values({ orgId, userId, role });
    return "added";
  }
  await db.orm
    .update(memberships)
    .set({ role, isActive: true, version: sql`${memberships.version} + 1`, updatedAt: new Date() })
    .where(and(inOrg(scope, memberships.orgId), eq(memberships.userId, userId)));
  return "updated";
}
