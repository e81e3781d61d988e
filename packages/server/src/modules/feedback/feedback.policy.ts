import { feedbackItems, tasks } from "@openkam/db";
import { seesAllAccounts } from "@openkam/domain";
import { sql, type SQL } from "drizzle-orm";
import { forbidden } from "../../http/app-error";
import type { Scope } from "../../tenancy/scope";
import { visibleAccount } from "../accounts/accounts.policy";

export { assertCanWrite } from "../accounts/accounts.policy";

/**
 * Feedback follows its account's visibility; its owner and the assignee of its improvement
 * action see it too, because the action often belongs to another department whose people are
 * not on the account team.
 */
export function visibleFeedback(scope: Scope): SQL {
  if (seesAllAccounts(scope.role) || scope.userId === null) return sql`true`;
  return sql`(${feedbackItems.ownerUserId} = ${scope.userId}
    or exists (select 1 from ${tasks} ft where ft.org_id = ${feedbackItems.orgId} and ft.id = ${feedbackItems.taskId} and ft.assignee_user_id = ${scope.userId})
    or ${visibleAccount(scope, feedbackItems.accountId)})`;
}

/** Deleting feedback erases what a customer said: directors and admins only. */
export function assertCanDeleteFeedback(scope: Scope): void {
  if (scope.role !== "admin" && scope.role !== "director") throw forbidden("Only directors and admins can delete feedback");
}
