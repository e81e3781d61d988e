import { interactions } from "@openkam/db";
import type { SQL } from "drizzle-orm";
import type { Scope } from "../../tenancy/scope";
import { visibleAccount } from "../accounts/accounts.policy";

export { assertCanWrite } from "../accounts/accounts.policy";

/** An interaction is visible to whoever sees its account. */
export function visibleInteraction(scope: Scope): SQL {
  return visibleAccount(scope, interactions.accountId);
}
