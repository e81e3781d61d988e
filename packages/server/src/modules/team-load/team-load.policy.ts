import { forbidden } from "../../http/app-error";
import type { Scope } from "../../tenancy/scope";

/** Everyone's workload is a staffing view: for directors and admins. */
export function assertCanSeeTeamLoad(scope: Scope): void {
  if (scope.role !== "admin" && scope.role !== "director") throw forbidden("Only directors and admins can see the team's load");
}
