import type { TCreateOpportunityRequest, TOpportunityList, TPipelineQuery, TUpdateOpportunityRequest } from "@openkam/contracts";
import { newId, type Db } from "@openkam/db";
import { compareOpportunityStages, pipelineFromStageTotals } from "@openkam/domain";
import { AppError, invalid, notFound } from "../../http/app-error";
import { staleVersion, type ExpectedVersion } from "../../http/versioning";
import type { Scope } from "../../tenancy/scope";
import { recordAudit } from "../audit/audit.repository";
import { isActiveMember } from "../members/members.repository";
import { visibleAccountOrThrow, writableAccount, assertCanWrite } from "./growth.policy";
import { presentOpportunity } from "./growth.presenter";
import * as repo from "./opportunities.repository";
import { businessUnitOfAccount } from "./whitespace.repository";

interface Options {
  db: Db;
  scope: Scope;
}

const AUDIT_TYPE = "opportunity";
/** An account's list is never paged: more than this many opportunities on one account is not a plan. */
const ACCOUNT_LIMIT = 500;

async function list(db: Db, scope: Scope, filter: repo.OpportunityFilter, limit: number): Promise<TOpportunityList> {
  const rows = await repo.listOpportunities(db, scope, filter, limit + 1);
  const totals = (await repo.stageTotalsOf(db, scope, filter))
    .sort((a, b) => compareOpportunityStages(a.stage, b.stage) || (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
  return {
    items: rows.slice(0, limit).map(presentOpportunity),
    truncated: rows.length > limit,
    stageTotals: totals,
    weightedPipeline: pipelineFromStageTotals(totals),
  };
}

export async function listAccountOpportunities({ db, scope, accountId }: Options & { accountId: string }) {
  await visibleAccountOrThrow(db, scope, accountId);
  return list(db, scope, { accountId }, ACCOUNT_LIMIT);
}

/** The pipeline across every account the caller sees. */
export async function listPipeline({ db, scope, query }: Options & { query: TPipelineQuery }) {
  const { limit, ...filter } = query;
  if (filter.closeFrom && filter.closeTo && filter.closeTo < filter.closeFrom) throw invalid("closeTo", "The end of the close-date range is before its start");
  return list(db, scope, filter, limit);
}

async function checkReferences(tx: Db, scope: Scope, accountId: string, input: { ownerUserId?: string | null; productId?: string | null; businessUnitId?: string | null }) {
  if (input.ownerUserId && !(await isActiveMember(tx, scope, input.ownerUserId))) throw invalid("ownerUserId", "The owner must be an active member of this organization");
  if (input.productId && !(await repo.productExists(tx, scope, input.productId))) throw invalid("productId", "Unknown product");
  if (input.businessUnitId && !(await businessUnitOfAccount(tx, scope, accountId, input.businessUnitId))) {
    throw invalid("businessUnitId", "The business unit must belong to the opportunity's account");
  }
}

async function present(db: Db, scope: Scope, row: repo.OpportunityRow) {
  return presentOpportunity({ ...row, ...(await repo.namesOf(db, scope, row)) });
}

export async function createOpportunity({ db, scope, accountId, input }: Options & { accountId: string; input: TCreateOpportunityRequest }) {
  return db.transaction(async (tx) => {
    await writableAccount(tx, scope, accountId);
    const ownerUserId = input.ownerUserId === undefined ? scope.userId : input.ownerUserId;
    await checkReferences(tx, scope, accountId, { ...input, ownerUserId });
    const row = await repo.insertOpportunity(tx, scope, {
      id: newId(),
      accountId,
      name: input.name,
      stage: input.stage,
      value: input.value,
      currency: input.currency,
      probability: input.probability,
      expectedCloseDate: input.expectedCloseDate ?? null,
      ownerUserId,
      productId: input.productId ?? null,
      businessUnitId: input.businessUnitId ?? null,
      notes: input.notes ?? null,
      createdBy: scope.userId,
    });
    const opportunity = await present(tx, scope, row);
    await recordAudit(tx, scope, { action: "create", entityType: AUDIT_TYPE, entityId: row.id, after: opportunity });
    return opportunity;
  });
}

export async function updateOpportunity({ db, scope, id, input, expected }: Options & { id: string; input: TUpdateOpportunityRequest; expected: ExpectedVersion }) {
  assertCanWrite(scope);
  const { version: _version, ...patch } = input;
  return db.transaction(async (tx) => {
    const current = await repo.findOpportunity(tx, scope, id, { forUpdate: true });
    if (!current) throw notFound("Opportunity");
    const before = await present(tx, scope, current);
    if (current.version !== expected.version) throw staleVersion(expected, before);
    await checkReferences(tx, scope, current.accountId, {
      ownerUserId: patch.ownerUserId !== current.ownerUserId ? patch.ownerUserId : undefined,
      productId: patch.productId !== current.productId ? patch.productId : undefined,
      businessUnitId: patch.businessUnitId !== current.businessUnitId ? patch.businessUnitId : undefined,
    });
    const row = await repo.updateOpportunity(tx, scope, id, current.version, patch);
    if (!row) throw new AppError("CONFLICT", "Someone else changed this opportunity at the same moment; reload and try again");
    const opportunity = await present(tx, scope, row);
    await recordAudit(tx, scope, { action: "update", entityType: AUDIT_TYPE, entityId: id, before, after: opportunity });
    return opportunity;
  });
}

export async function deleteOpportunity({ db, scope, id, expected }: Options & { id: string; expected: ExpectedVersion }) {
  assertCanWrite(scope);
  await db.transaction(async (tx) => {
    const current = await repo.findOpportunity(tx, scope, id, { forUpdate: true });
    if (!current) throw notFound("Opportunity");
    const before = await present(tx, scope, current);
    if (current.version !== expected.version) throw staleVersion(expected, before);
    await repo.deleteOpportunity(tx, scope, id);
    await recordAudit(tx, scope, { action: "delete", entityType: AUDIT_TYPE, entityId: id, before });
  });
}
