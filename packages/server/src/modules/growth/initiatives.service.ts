import type { TCreateInitiativeRequest, TUpdateInitiativeRequest } from "@openkam/contracts";
import { newId, type Db } from "@openkam/db";
import { isGrowthDateRangeValid } from "@openkam/domain";
import { AppError, invalid, notFound } from "../../http/app-error";
import { staleVersion, type ExpectedVersion } from "../../http/versioning";
import type { Scope } from "../../tenancy/scope";
import { recordAudit } from "../audit/audit.repository";
import { isActiveMember } from "../members/members.repository";
import { assertCanWrite, visibleAccountOrThrow, writableAccount } from "./growth.policy";
import { presentInitiative } from "./growth.presenter";
import * as repo from "./initiatives.repository";

interface Options {
  db: Db;
  scope: Scope;
}

const AUDIT_TYPE = "growth_initiative";

export async function listInitiatives({ db, scope, accountId }: Options & { accountId: string }) {
  await visibleAccountOrThrow(db, scope, accountId);
  return { items: (await repo.listInitiatives(db, scope, accountId)).map(presentInitiative) };
}

async function presentOne(db: Db, scope: Scope, row: repo.InitiativeRow) {
  const [named] = await repo.listInitiatives(db, scope, row.accountId, row.id);
  return presentInitiative(named!);
}

async function checkInput(tx: Db, scope: Scope, accountId: string, input: { customerContactId?: string | null; ownerUserId?: string | null }, dates: { startDate: string | null; targetDate: string | null }) {
  if (!isGrowthDateRangeValid(dates.startDate, dates.targetDate)) throw invalid("targetDate", "The target date is before the start date");
  if (input.customerContactId && !(await repo.contactOfAccount(tx, scope, accountId, input.customerContactId))) {
    throw invalid("customerContactId", "The customer owner must be a contact of this account");
  }
  if (input.ownerUserId && !(await isActiveMember(tx, scope, input.ownerUserId))) throw invalid("ownerUserId", "The owner must be an active member of this organization");
}

export async function createInitiative({ db, scope, accountId, input }: Options & { accountId: string; input: TCreateInitiativeRequest }) {
  return db.transaction(async (tx) => {
    await writableAccount(tx, scope, accountId);
    const ownerUserId = input.ownerUserId === undefined ? scope.userId : input.ownerUserId;
    const dates = { startDate: input.startDate ?? null, targetDate: input.targetDate ?? null };
    await checkInput(tx, scope, accountId, { ...input, ownerUserId }, dates);
    const row = await repo.insertInitiative(tx, scope, {
      id: newId(), accountId, title: input.title, description: input.description ?? null, status: input.status, valueKind: input.valueKind,
      customerContactId: input.customerContactId ?? null, ownerUserId, currency: input.currency,
      valuePromised: input.valuePromised, valueDelivered: input.valueDelivered, investment: input.investment, ...dates, createdBy: scope.userId,
    });
    const initiative = await presentOne(tx, scope, row);
    await recordAudit(tx, scope, { action: "create", entityType: AUDIT_TYPE, entityId: row.id, after: initiative });
    return initiative;
  });
}

export async function updateInitiative({ db, scope, id, input, expected }: Options & { id: string; input: TUpdateInitiativeRequest; expected: ExpectedVersion }) {
  assertCanWrite(scope);
  const { version: _version, ...patch } = input;
  return db.transaction(async (tx) => {
    const current = await repo.findInitiativeForUpdate(tx, scope, id);
    if (!current) throw notFound("Initiative");
    const before = await presentOne(tx, scope, current);
    if (current.version !== expected.version) throw staleVersion(expected, before);
    const dates = {
      startDate: patch.startDate === undefined ? current.startDate : patch.startDate,
      targetDate: patch.targetDate === undefined ? current.targetDate : patch.targetDate,
    };
    await checkInput(tx, scope, current.accountId, {
      customerContactId: patch.customerContactId !== current.customerContactId ? patch.customerContactId : undefined,
      ownerUserId: patch.ownerUserId !== current.ownerUserId ? patch.ownerUserId : undefined,
    }, dates);
    const row = await repo.updateInitiative(tx, scope, id, current.version, patch);
    if (!row) throw new AppError("CONFLICT", "Someone else changed this initiative at the same moment; reload and try again");
    const initiative = await presentOne(tx, scope, row);
    await recordAudit(tx, scope, { action: "update", entityType: AUDIT_TYPE, entityId: id, before, after: initiative });
    return initiative;
  });
}

export async function deleteInitiative({ db, scope, id, expected }: Options & { id: string; expected: ExpectedVersion }) {
  assertCanWrite(scope);
  await db.transaction(async (tx) => {
    const current = await repo.findInitiativeForUpdate(tx, scope, id);
    if (!current) throw notFound("Initiative");
    const before = await presentOne(tx, scope, current);
    if (current.version !== expected.version) throw staleVersion(expected, before);
    await repo.deleteInitiative(tx, scope, id);
    await recordAudit(tx, scope, { action: "delete", entityType: AUDIT_TYPE, entityId: id, before });
  });
}
