import { forbidden } from "../../http/app-error";
import type { Scope } from "../../tenancy/scope";

/** Importing writes many records at once: admins, directors and account managers only. */
export function assertCanImport(scope: Scope): void {
  if (scope.role === "member" || scope.role === "viewer") throw forbidden("Only account managers, directors and admins can import");
}
