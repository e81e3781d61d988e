import { tasks } from "@openkam/db";
import { seesAllAccounts } from "@openkam/domain";
import { sql, type SQL } from "drizzle-orm";
import type { Scope } from "../../tenancy/scope";
import { visibleAccount } from "../accounts/accounts.policy";

export { assertCanWrite } from "../accounts/accounts.policy";

/**
 * A task on an account follows the account's visibility. A task on no
 * account is personal: its creator and its assignee see it, and so do
 * directors and admins, who oversee everyone's work. The assignee always sees
 * their task: a feedback item's improvement action may go to another department.
 */
export function visibleTask(scope: Scope): SQL {
  if (seesAllAccounts(scope.role) || scope.userId === null) return sql`true`;
  return sql`((${tasks.accountId} is null and (${tasks.createdBy} = ${scope.userId} or ${tasks.assigneeUserId} = ${scope.userId}))
    or (${tasks.accountId} is not null and (${tasks.assigneeUserId} = ${scope.userId} or ${visibleAccount(scope, tasks.accountId)})))`;
}
