import type { Db } from "@openkam/db";
import { notFound } from "../../http/app-error";
import type { Scope } from "../../tenancy/scope";
import { assertCanWrite, visibleAccount } from "../accounts/accounts.policy";
import { findAccount, findAccountForUpdate, type AccountRow } from "../accounts/accounts.repository";

export { visibleAccount };

/**
 * Growth plans follow their account: who sees the account (its team, its owner, directors and
 * admins) reads them, and who may also make changes (every role but viewer) writes them.
 */
export async function visibleAccountOrThrow(db: Db, scope: Scope, accountId: string): Promise<AccountRow> {
  const account = await findAccount(db, scope, accountId);
  if (!account) throw notFound("Account");
  return account;
}

/** For writes: the role may write and the account is one the caller sees; locks the account row so concurrent plans serialise. */
export async function writableAccount(tx: Db, scope: Scope, accountId: string): Promise<AccountRow> {
  assertCanWrite(scope);
  const account = await findAccountForUpdate(tx, scope, accountId);
  if (!account) throw notFound("Account");
  return account;
}

export { assertCanWrite };
