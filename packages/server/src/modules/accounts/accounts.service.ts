import type { TChangeTierRequest, TCreateAccountRequest, TListAccountsQuery, TUpdateAccountRequest } from "@openkam/contracts";
import { accounts, newId, type Db } from "@openkam/db";
import type { AccountTier } from "@openkam/domain";
import { sql } from "drizzle-orm";
import { invalid, notFound } from "../../http/app-error";
import { toPage } from "../../http/cursor";
import { staleVersion, type ExpectedVersion } from "../../http/versioning";
import type { Scope } from "../../tenancy/scope";
import { recordAudit } from "../audit/audit.repository";
import { isActiveMember } from "../members/members.repository";
import { assertCanChangeOwnershipOrTier, assertCanManageAccounts, assertCanWrite } from "./accounts.policy";
import * as repo from "./accounts.repository";
import { accountPageJson, presentAccount, presentTierChange } from "./accounts.presenter";

const RESTORE_WINDOW_DAYS = 30;

interface Options {
  db: Db;
  scope: Scope;
}

/** A page of accounts, already serialised (a TAccountPage as JSON text). */
export async function listAccounts({ db, scope, query }: Options & { query: TListAccountsQuery }): Promise<string> {
  return accountPageJson(toPage(await repo.listAccounts(db, scope, query), query.limit));
}

export async function getAccount({ db, scope, id }: Options & { id: string }) {
  const row = await repo.findAccount(db, scope, id);
  if (!row) throw notFound("Account");
  return presentAccount(row);
}

/** Owner and parent must be in the organization; a parent may not be the account itself or one of its descendants. */
async function checkReferences(tx: Db, scope: Scope, input: { ownerUserId?: string | null; parentAccountId?: string | null }, selfId?: string) {
  if (input.ownerUserId && !(await isActiveMember(tx, scope, input.ownerUserId))) {
    throw invalid("ownerUserId", "The owner must be an active member of this organization");
  }
  if (input.parentAccountId) {
    if (!(await repo.accountExists(tx, scope, input.parentAccountId))) throw invalid("parentAccountId", "The parent account does not exist");
    if (selfId) {
      const [cycle] = await tx.rows<{ hit: boolean }>(sql`
        with recursive chain(id, depth) as (
          select cast(${input.parentAccountId} as uuid), 0
          union all
          select a.parent_account_id, c.depth + 1 from chain c join ${accounts} a on a.org_id = ${scope.orgId} and a.id = c.id
          where a.parent_account_id is not null and c.depth < 50)
        select exists (select 1 from chain where id = ${selfId}) as hit`);
      if (cycle?.hit) throw invalid("parentAccountId", "An account cannot be placed under itself or one of its own subsidiaries");
    }
  }
}

export async function createAccount({ db, scope, input }: Options & { input: TCreateAccountRequest }) {
  assertCanManageAccounts(scope);
  assertCanChangeOwnershipOrTier(scope, input);
  return db.transaction(async (tx) => {
    await checkReferences(tx, scope, input);
    const row = await repo.insertAccount(tx, scope, {
      ...input,
      id: newId(),
      ownerUserId: input.ownerUserId === undefined ? scope.userId : input.ownerUserId,
      createdBy: scope.userId,
    });
    if (scope.userId) await repo.addCreatorToTeam(tx, scope, row.id, scope.userId);
    const account = presentAccount(row);
    await recordAudit(tx, scope, { action: "create", entityType: "account", entityId: row.id, after: account });
    return account;
  });
}

export async function updateAccount({ db, scope, id, input, expected }: Options & { id: string; input: TUpdateAccountRequest; expected: ExpectedVersion }) {
  assertCanWrite(scope);
  const { version: _version, ...patch } = input;
  return db.transaction(async (tx) => {
    const current = await repo.findAccountForUpdate(tx, scope, id);
    if (!current) throw notFound("Account");
    if (current.version !== expected.version) throw staleVersion(expected, presentAccount(current));
    assertCanChangeOwnershipOrTier(scope, patch, current);
    await checkReferences(tx, scope, patch, id);
    const row = await repo.updateAccount(tx, scope, id, expected.version, patch);
    if (!row) throw staleVersion(expected, presentAccount(current));
    if (row.tier !== current.tier) await repo.insertTierChanges(tx, scope, [{ accountId: id, fromTier: current.tier, toTier: row.tier, reason: null, runId: null }]);
    const account = presentAccount(row);
    await recordAudit(tx, scope, { action: "update", entityType: "account", entityId: id, before: presentAccount(current), after: account });
    return account;
  });
}

/** A run named as the basis of a tier change must be one of the organization's. */
async function checkRun(tx: Db, scope: Scope, runId: string | undefined) {
  if (runId && !(await repo.analysisRunExists(tx, scope, runId))) throw invalid("runId", "The analysis run does not exist");
}

/**
 * Moves an account to a tier with the reason, kept in the tier history with who and when. The version is
 * checked when one is sent (If-Match or body); a change to the same tier changes nothing and records nothing.
 */
export async function changeTier({ db, scope, id, input, expected }: Options & { id: string; input: TChangeTierRequest; expected?: ExpectedVersion }) {
  assertCanWrite(scope);
  return db.transaction(async (tx) => {
    const current = await repo.findAccountForUpdate(tx, scope, id);
    if (!current) throw notFound("Account");
    if (expected && current.version !== expected.version) throw staleVersion(expected, presentAccount(current));
    assertCanChangeOwnershipOrTier(scope, { tier: input.tier }, current);
    await checkRun(tx, scope, input.runId);
    if (current.tier === input.tier) return presentAccount(current);
    const row = (await repo.updateAccount(tx, scope, id, current.version, { tier: input.tier }))!;
    await repo.insertTierChanges(tx, scope, [{ accountId: id, fromTier: current.tier, toTier: input.tier, reason: input.reason, runId: input.runId ?? null }]);
    const account = presentAccount(row);
    await recordAudit(tx, scope, { action: "update", entityType: "account", entityId: id, before: presentAccount(current), after: account });
    return account;
  });
}

/**
 * Moves several accounts to a tier in one transaction (all or none), each change kept in the tier history.
 * An account the caller cannot see (or that does not exist) fails the whole request with 404.
 */
export async function promoteAccounts({ db, scope, ids, tier, reason, runId }: Options & { ids: readonly string[]; tier: AccountTier; reason: string; runId: string | null }) {
  assertCanWrite(scope);
  return db.transaction(async (tx) => {
    const rows = await repo.findAccountsForUpdate(tx, scope, ids);
    if (rows.length !== new Set(ids).size) throw notFound("Account");
    for (const current of rows) assertCanChangeOwnershipOrTier(scope, { tier }, current);
    await checkRun(tx, scope, runId ?? undefined);
    const changing = rows.filter((r) => r.tier !== tier);
    for (const current of changing) {
      const row = (await repo.updateAccount(tx, scope, current.id, current.version, { tier }))!;
      await recordAudit(tx, scope, { action: "update", entityType: "account", entityId: current.id, before: presentAccount(current), after: presentAccount(row) });
    }
    await repo.insertTierChanges(tx, scope, changing.map((c) => ({ accountId: c.id, fromTier: c.tier, toTier: tier, reason, runId })));
    return { promoted: changing.length, unchanged: rows.length - changing.length };
  });
}

export async function tierHistory({ db, scope, id }: Options & { id: string }) {
  if (!(await repo.findAccount(db, scope, id))) throw notFound("Account");
  return { items: (await repo.listTierChanges(db, scope, id)).map(presentTierChange) };
}

export async function deleteAccount({ db, scope, id, expected }: Options & { id: string; expected?: ExpectedVersion }) {
  assertCanManageAccounts(scope);
  await db.transaction(async (tx) => {
    const current = await repo.findAccountForUpdate(tx, scope, id);
    if (!current) throw notFound("Account");
    if (expected && current.version !== expected.version) throw staleVersion(expected, presentAccount(current));
    const row = await repo.setDeleted(tx, scope, id, true);
    await recordAudit(tx, scope, { action: "delete", entityType: "account", entityId: id, before: presentAccount(current), after: row && presentAccount(row) });
  });
}

export async function restoreAccount({ db, scope, id }: Options & { id: string }) {
  assertCanManageAccounts(scope);
  return db.transaction(async (tx) => {
    const current = await repo.findAccountForUpdate(tx, scope, id, { deleted: true });
    if (!current?.deletedAt) throw notFound("Deleted account");
    if (Date.now() - current.deletedAt.getTime() > RESTORE_WINDOW_DAYS * 86_400_000) {
      throw notFound("Deleted account (deleted more than 30 days ago)");
    }
    const row = (await repo.setDeleted(tx, scope, id, false))!;
    const account = presentAccount(row);
    await recordAudit(tx, scope, { action: "restore", entityType: "account", entityId: id, after: account });
    return account;
  });
}
