import type { OrgRole } from "@openkam/domain";
import { eq, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Actor } from "../auth/actor";

/**
 * The organization (and user and role) a repository works for. Repositories
 * take it as their first argument and build every WHERE clause from it, so no
 * handler writes its own org_id filter and no query can run without one.
 */
export interface Scope {
  readonly orgId: string;
  /** Null for system work (CLI, jobs) that acts for the organization as a whole. */
  readonly userId: string | null;
  readonly role: OrgRole;
  readonly tokenId?: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function scopeOf(actor: Actor): Scope {
  return Object.freeze({ orgId: actor.orgId, userId: actor.userId, role: actor.role, tokenId: actor.tokenId });
}

/** For the CLI and background jobs: the whole organization, as an admin. */
export function systemScope(orgId: string): Scope {
  return Object.freeze({ orgId, userId: null, role: "admin" as const, tokenId: null });
}

/** The tenant condition for a table; throws when the scope has no organization. */
export function inOrg(scope: Scope, column: PgColumn): SQL {
  if (!scope || typeof scope.orgId !== "string" || !UUID.test(scope.orgId)) {
    throw new Error("tenant scope missing: repositories refuse to run without an organization");
  }
  return eq(column, scope.orgId);
}
