import { accounts, contacts } from "@openkam/db";
import { sql, type SQL } from "drizzle-orm";
import type { Scope } from "../../tenancy/scope";
import { visibleAccount } from "../accounts/accounts.policy";

/**
 * A contact is visible when its account is visible to the scope and has not
 * been deleted: deleting an account hides its people with it, and restoring
 * the account brings them back.
 */
export function visibleContact(scope: Scope): SQL {
  return sql`(${visibleAccount(scope, contacts.accountId)} and exists (select 1 from ${accounts} acc
    where acc.org_id = ${scope.orgId} and acc.id = ${contacts.accountId} and acc.deleted_at is null))`;
}
