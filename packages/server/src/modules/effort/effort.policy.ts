import { seesAllAccounts } from "@openkam/domain";
import { forbidden } from "../../http/app-error";
import type { Scope } from "../../tenancy/scope";
import { assertCanWrite } from "../accounts/accounts.policy";

/** Everyone but viewers logs their own time; directors and admins may log a colleague's. */
export function assertCanLog(scope: Scope, forUserId: string): void {
  assertCanWrite(scope);
  if (forUserId !== scope.userId && !seesAllAccounts(scope.role)) throw forbidden("Only directors and admins can log time for a colleague");
}

/** People change their own entries; directors and admins anyone's. */
export function assertCanChangeEntry(scope: Scope, entry: { userId: string }): void {
  assertCanWrite(scope);
  if (entry.userId !== scope.userId && !seesAllAccounts(scope.role)) throw forbidden("You can change only your own time entries");
}

/** Where the organization's time goes is a management view: directors and admins. */
export function assertCanManageAllocation(scope: Scope): void {
  if (!seesAllAccounts(scope.role)) throw forbidden("Only directors and admins can see and set the effort allocation");
}
