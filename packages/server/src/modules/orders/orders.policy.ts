import { orders } from "@openkam/db";
import type { SQL } from "drizzle-orm";
import type { Scope } from "../../tenancy/scope";
import { visibleAccount } from "../accounts/accounts.policy";

export { assertCanWrite } from "../accounts/accounts.policy";

/** An order is visible to whoever sees its account. */
export function visibleOrder(scope: Scope): SQL {
  return visibleAccount(scope, orders.accountId);
}
