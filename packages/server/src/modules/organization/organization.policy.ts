import { canAdministerOrg } from "@openkam/domain";
import { forbidden } from "../../http/app-error";
import type { Scope } from "../../tenancy/scope";

export function assertCanChangeOrganization(scope: Scope): void {
  if (!canAdministerOrg(scope.role)) throw forbidden("Only admins can change the organization's settings");
}
