import type { TCreateSurveyRequest, TCreateSurveyScheduleRequest, TSurveyDefinition, TUpdateSurveyRequest, TUpdateSurveyScheduleRequest } from "@openkam/contracts";
import { newId, type Db } from "@openkam/db";
import type { SurveyDefinition } from "@openkam/domain";
import { AppError, notFound } from "../../http/app-error";
import { staleVersion, type ExpectedVersion } from "../../http/versioning";
import type { Scope } from "../../tenancy/scope";
import { accountExists } from "../accounts/accounts.repository";
import { recordAudit } from "../audit/audit.repository";
import { assertCanManageSurveys } from "./surveys.policy";
import { auditedSchedule, auditedSurvey, presentSchedule, presentSurvey } from "./surveys.presenter";
import * as repo from "./surveys.repository";

interface Options {
  db: Db;
  scope: Scope;
  now?: Date;
}

const asDefinition = (d: TSurveyDefinition) => d as SurveyDefinition;

export async function listSurveys({ db, scope }: Options) {
  return (await repo.listSurveys(db, scope)).map(presentSurvey);
}

export async function getSurvey({ db, scope, id }: Options & { id: string }) {
  const row = await repo.findSurvey(db, scope, id);
  if (!row) throw notFound("Survey");
  return presentSurvey(row);
}

export async function createSurvey({ db, scope, input }: Options & { input: TCreateSurveyRequest }) {
  assertCanManageSurveys(scope);
  const id = newId();
  await db.transaction(async (tx) => {
    const values = { id, title: input.definition.title, defaultLanguage: input.defaultLanguage, validDays: input.validDays, createdBy: scope.userId };
    await repo.insertSurvey(tx, scope, values, asDefinition(input.definition));
    await recordAudit(tx, scope, { action: "create", entityType: "survey", entityId: id, after: auditedSurvey({ ...values, archivedAt: null, version: 1 }, input.definition) });
  });
  return getSurvey({ db, scope, id });
}

/** Every change is a new version; a new definition applies to invitations sent from now on. */
export async function updateSurvey({ db, scope, id, input, expected }: Options & { id: string; input: TUpdateSurveyRequest; expected: ExpectedVersion }) {
  assertCanManageSurveys(scope);
  await db.transaction(async (tx) => {
    const current = await repo.findSurveyForUpdate(tx, scope, id);
    if (!current) throw notFound("Survey");
    if (current.version !== expected.version) throw staleVersion(expected, auditedSurvey(current));
    const definition = input.definition ? asDefinition(input.definition) : await repo.latestDefinition(tx, scope, id, current.version);
    if (!definition) throw notFound("Survey");
    const patch = {
      ...(input.definition ? { title: input.definition.title } : {}),
      ...(input.defaultLanguage === undefined ? {} : { defaultLanguage: input.defaultLanguage }),
      ...(input.validDays === undefined ? {} : { validDays: input.validDays }),
      ...(input.archived === undefined ? {} : { archivedAt: input.archived ? (current.archivedAt ?? new Date()) : null }),
    };
    const updated = await repo.updateSurvey(tx, scope, current, patch, definition);
    if (!updated) throw staleVersion(expected, auditedSurvey(current));
    await recordAudit(tx, scope, { action: "update", entityType: "survey", entityId: id, before: auditedSurvey(current), after: auditedSurvey(updated, input.definition) });
  });
  return getSurvey({ db, scope, id });
}

/** Only a survey nobody was invited to can be deleted; others are archived, so their results stay. */
export async function deleteSurvey({ db, scope, id, expected }: Options & { id: string; expected: ExpectedVersion }) {
  assertCanManageSurveys(scope);
  await db.transaction(async (tx) => {
    const current = await repo.findSurveyForUpdate(tx, scope, id);
    if (!current) throw notFound("Survey");
    if (current.version !== expected.version) throw staleVersion(expected, auditedSurvey(current));
    const stats = await repo.findSurvey(tx, scope, id);
    if ((stats?.invited ?? 0) > 0) throw new AppError("CONFLICT", "People were invited to this survey; archive it instead so its results stay");
    await repo.deleteSurvey(tx, scope, id);
    await recordAudit(tx, scope, { action: "delete", entityType: "survey", entityId: id, before: auditedSurvey(current) });
  });
}

export async function listSchedules({ db, scope, surveyId, now = new Date() }: Options & { surveyId: string }) {
  if (!(await repo.findSurvey(db, scope, surveyId))) throw notFound("Survey");
  const timeZone = await repo.organizationTimeZone(db, scope);
  return (await repo.listSchedules(db, scope, surveyId)).map((s) => presentSchedule(s, now, timeZone));
}

async function presentOne(db: Db, scope: Scope, id: string, now: Date) {
  const row = await repo.findSchedule(db, scope, id);
  if (!row) throw notFound("Schedule");
  return presentSchedule(row, now, await repo.organizationTimeZone(db, scope));
}

export async function createSchedule({ db, scope, surveyId, input, now = new Date() }: Options & { surveyId: string; input: TCreateSurveyScheduleRequest }) {
  assertCanManageSurveys(scope);
  const id = newId();
  await db.transaction(async (tx) => {
    const survey = await repo.findSurveyForUpdate(tx, scope, surveyId);
    if (!survey) throw notFound("Survey");
    if (input.target.kind === "account" && !(await accountExists(tx, scope, input.target.accountId))) throw notFound("Account");
    const values = {
      id, surveyId, targetKind: input.target.kind, accountId: input.target.kind === "account" ? input.target.accountId : null,
      tier: input.target.kind === "tier" ? input.target.tier : null, recurrence: input.recurrence, startsOn: input.startsOn, active: input.active, createdBy: scope.userId,
    };
    await repo.insertSchedule(tx, scope, values);
    await recordAudit(tx, scope, { action: "create", entityType: "survey_schedule", entityId: id, after: auditedSchedule({ ...values, version: 1 }) });
  });
  return presentOne(db, scope, id, now);
}

export async function updateSchedule({ db, scope, id, input, expected, now = new Date() }: Options & { id: string; input: TUpdateSurveyScheduleRequest; expected: ExpectedVersion }) {
  assertCanManageSurveys(scope);
  await db.transaction(async (tx) => {
    const current = await repo.findSchedule(tx, scope, id, { forUpdate: true });
    if (!current) throw notFound("Schedule");
    if (current.version !== expected.version) throw staleVersion(expected, auditedSchedule(current));
    const { version: _version, ...patch } = input;
    const updated = await repo.updateSchedule(tx, scope, id, current.version, patch);
    if (!updated) throw staleVersion(expected, auditedSchedule(current));
    await recordAudit(tx, scope, { action: "update", entityType: "survey_schedule", entityId: id, before: auditedSchedule(current), after: auditedSchedule(updated) });
  });
  return presentOne(db, scope, id, now);
}

export async function deleteSchedule({ db, scope, id, expected }: Options & { id: string; expected: ExpectedVersion }) {
  assertCanManageSurveys(scope);
  await db.transaction(async (tx) => {
    const current = await repo.findSchedule(tx, scope, id, { forUpdate: true });
    if (!current) throw notFound("Schedule");
    if (current.version !== expected.version) throw staleVersion(expected, auditedSchedule(current));
    await repo.deleteSchedule(tx, scope, id);
    await recordAudit(tx, scope, { action: "delete", entityType: "survey_schedule", entityId: id, before: auditedSchedule(current) });
  });
}
