import type { TCreatePlanRequest, TPlanContent, TPlanTemplate, TPlanTransitionRequest, TUpdatePlanRequest } from "@openkam/contracts";
import { ZCreatePlanRequest, ZPlanContent } from "@openkam/contracts";
import { newId, type Db } from "@openkam/db";
import {
  contentFromTemplate, findPlanTemplate, nextPlanStatus, PLAN_TEMPLATES, planProgress, statusAfterEdit, validateActionDueDates, validatePlanPeriod,
  type PlanLocale, type PlanTransition,
} from "@openkam/domain/plans/index";
import { sql } from "drizzle-orm";
import { AppError, invalid, notFound } from "../../http/app-error";
import { staleVersion, type ExpectedVersion } from "../../http/versioning";
import type { Scope } from "../../tenancy/scope";
import { findAccount } from "../accounts/accounts.repository";
import { recordAudit } from "../audit/audit.repository";
import { isActiveMember } from "../members/members.repository";
import * as tasks from "../tasks/tasks.service";
import { findTask } from "../tasks/tasks.repository";
import { assertCanApprove, assertCanWrite } from "./plans.policy";
import { contentOf, presentPlan, presentPlanSummary, presentVersion, presentVersionSummary } from "./plans.presenter";
import * as repo from "./plans.repository";

interface Options {
  db: Db;
  scope: Scope;
}

const AUDIT_TYPE = "account_plan";

export function listTemplates(locale: PlanLocale): TPlanTemplate[] {
  return PLAN_TEMPLATES.map((tpl) => ({ key: tpl.key, name: tpl.name[locale], description: tpl.description[locale], objectiveCount: tpl.objectives.length }));
}

export async function listPlans({ db, scope, accountId }: Options & { accountId: string }) {
  if (!(await findAccount(db, scope, accountId))) throw notFound("Account");
  return { items: (await repo.listPlans(db, scope, accountId)).map(presentPlanSummary) };
}

async function loadPlan(db: Db, scope: Scope, id: string) {
  const row = await repo.findPlan(db, scope, id);
  if (!row) throw notFound("Plan");
  return row;
}

export async function getPlan({ db, scope, id }: Options & { id: string }) {
  return presentPlan(await loadPlan(db, scope, id));
}

const progressOf = (content: TPlanContent) => planProgress(content.objectives);

function throwIssues(issues: ReadonlyArray<{ field: string; message: string }>): void {
  if (issues.length > 0) throw new AppError("VALIDATION_FAILED", issues[0]!.message, { errors: [...issues] });
}

/** Rules the schema cannot state: unique ids, references inside the plan, dates inside the period, owners who are members. */
async function checkContent(tx: Db, scope: Scope, period: { periodStart: string; periodEnd: string }, content: TPlanContent) {
  throwIssues(validatePlanPeriod(period.periodStart, period.periodEnd));
  for (const [name, items] of [["objectives", content.objectives], ["actions", content.actions], ["risks", content.risks]] as const) {
    const ids = items.map((x) => x.id);
    if (new Set(ids).size !== ids.length) throw invalid(`content.${name}`, `Two ${name} have the same id`);
  }
  const objectiveIds = new Set(content.objectives.map((o) => o.id));
  content.actions.forEach((a, i) => {
    if (a.objectiveId !== null && !objectiveIds.has(a.objectiveId)) throw invalid(`content.actions.${i}.objectiveId`, "The action serves an objective that is not in this plan");
  });
  throwIssues(validateActionDueDates(period, content.actions));
  const owners = [...new Set(content.actions.map((a) => a.ownerUserId).filter((x): x is string => x !== null))];
  for (const owner of owners) {
    if (!(await isActiveMember(tx, scope, owner))) {
      throw invalid(`content.actions.${content.actions.findIndex((a) => a.ownerUserId === owner)}.ownerUserId`, "The owner must be an active member of this organization");
    }
  }
}

/**
 * Each action is carried by a task on the task board (source: this plan). New actions get one;
 * changed titles, owners, due dates and statuses are passed on to it. A task id the plan did not
 * have before is dropped, so a caller cannot attach someone else's task to a plan.
 */
async function syncActionTasks(tx: Db, scope: Scope, planId: string, accountId: string, before: TPlanContent | null, content: TPlanContent): Promise<TPlanContent> {
  const previous = new Map((before?.actions ?? []).filter((a) => a.taskId !== null).map((a) => [a.taskId!, a]));
  const actions = [];
  for (const action of content.actions) {
    const old = action.taskId !== null ? previous.get(action.taskId) : undefined;
    const fields = { title: action.title, assigneeUserId: action.ownerUserId, dueDate: action.dueDate, status: action.status };
    if (!old) {
      const task = await tasks.createTask({ db: tx, scope, input: { ...fields, accountId, description: null }, source: { type: "plan", id: planId } });
      actions.push({ ...action, taskId: task.id });
      continue;
    }
    const changed = old.title !== action.title || old.ownerUserId !== action.ownerUserId || old.dueDate !== action.dueDate || old.status !== action.status;
    const task = changed ? await findTask(tx, scope, action.taskId!) : undefined;
    if (task) await tasks.updateTask({ db: tx, scope, id: task.id, input: fields, expected: { version: task.version, source: "body" } });
    actions.push(action);
  }
  return { ...content, actions };
}

export async function createPlan({ db, scope, accountId, input }: Options & { accountId: string; input: TCreatePlanRequest }) {
  assertCanWrite(scope);
  const body = ZCreatePlanRequest.parse(input);
  const template = findPlanTemplate(body.templateKey)!;
  return db.transaction(async (tx) => {
    if (!(await findAccount(tx, scope, accountId))) throw notFound("Account");
    const id = newId();
    const drafted = ZPlanContent.parse(contentFromTemplate(template, body.locale, newId));
    await checkContent(tx, scope, body, drafted);
    const content = await syncActionTasks(tx, scope, id, accountId, null, drafted);
    const row = await repo.insertPlan(tx, scope, {
      id, accountId, title: body.title, templateKey: body.templateKey, periodStart: body.periodStart, periodEnd: body.periodEnd,
      status: "draft", content, progress: progressOf(content), createdBy: scope.userId,
    });
    await repo.insertVersion(tx, scope, row, "create");
    const plan = presentPlan(row);
    await recordAudit(tx, scope, { action: "create", entityType: AUDIT_TYPE, entityId: id, after: plan });
    return plan;
  });
}

/** Each save is a new version; saving an approved plan reopens it as a draft, a submitted one is frozen. */
export async function updatePlan({ db, scope, id, input, expected }: Options & { id: string; input: TUpdatePlanRequest; expected: ExpectedVersion }) {
  assertCanWrite(scope);
  return db.transaction(async (tx) => {
    const current = await repo.findPlan(tx, scope, id, { forUpdate: true });
    if (!current) throw notFound("Plan");
    if (current.version !== expected.version) throw staleVersion(expected, presentPlan(current));
    const status = statusAfterEdit(current.status);
    if (status === null) throw new AppError("UNPROCESSABLE", "The plan is waiting for approval; ask the director to request changes before editing it");
    const period = { periodStart: input.periodStart ?? current.periodStart, periodEnd: input.periodEnd ?? current.periodEnd };
    const before = contentOf(current);
    const proposed = input.content ? ZPlanContent.parse(input.content) : before;
    await checkContent(tx, scope, period, proposed);
    const content = await syncActionTasks(tx, scope, id, current.accountId, before, proposed);
    const row = await repo.updatePlan(tx, scope, id, expected.version, {
      title: input.title ?? current.title, ...period, content, progress: progressOf(content), status,
    });
    if (!row) throw staleVersion(expected, presentPlan(current));
    await repo.insertVersion(tx, scope, row, "update");
    const plan = presentPlan(row);
    await recordAudit(tx, scope, { action: "update", entityType: AUDIT_TYPE, entityId: id, before: presentPlan(current), after: plan });
    return plan;
  });
}

export async function deletePlan({ db, scope, id, expected }: Options & { id: string; expected?: ExpectedVersion }) {
  assertCanWrite(scope);
  await db.transaction(async (tx) => {
    const current = await repo.findPlan(tx, scope, id, { forUpdate: true });
    if (!current) throw notFound("Plan");
    if (expected && current.version !== expected.version) throw staleVersion(expected, presentPlan(current));
    await repo.deletePlan(tx, scope, id);
    await recordAudit(tx, scope, { action: "delete", entityType: AUDIT_TYPE, entityId: id, before: presentPlan(current) });
  });
}

const TRANSITION_REFUSED: Record<PlanTransition, string> = {
  submit: "Only a draft, or a plan sent back for changes, can be submitted",
  approve: "Only a submitted plan can be approved",
  request_changes: "Only a submitted plan can be sent back for changes",
};

/**
 * Submission is for whoever may edit; approval and sending back for directors and admins. An
 * approval records the version approved: the one the director read, i.e. the submitted one.
 */
export async function transitionPlan({ db, scope, id, transition, input, expected }: Options & {
  id: string; transition: PlanTransition; input: TPlanTransitionRequest; expected: ExpectedVersion;
}) {
  if (transition === "submit") assertCanWrite(scope);
  else assertCanApprove(scope);
  const comment = input.comment ?? null;
  if (transition === "request_changes" && !comment) throw invalid("comment", "Say what should change so the team can revise the plan");
  return db.transaction(async (tx) => {
    const current = await repo.findPlan(tx, scope, id, { forUpdate: true });
    if (!current) throw notFound("Plan");
    if (current.version !== expected.version) throw staleVersion(expected, presentPlan(current));
    const status = nextPlanStatus(current.status, transition);
    if (status === null) throw new AppError("UNPROCESSABLE", TRANSITION_REFUSED[transition]);
    const patch = transition === "submit"
      ? { status, submittedAt: sql`now()`, submittedBy: scope.userId, reviewComment: comment }
      : transition === "approve"
        ? { status, approvedVersion: current.version, approvedAt: sql`now()`, approvedBy: scope.userId, reviewComment: comment }
        : { status, reviewComment: comment };
    const row = await repo.updatePlan(tx, scope, id, expected.version, patch as Partial<repo.NewPlanRow>);
    if (!row) throw staleVersion(expected, presentPlan(current));
    await repo.insertVersion(tx, scope, row, transition);
    const plan = presentPlan(row);
    await recordAudit(tx, scope, { action: "update", entityType: AUDIT_TYPE, entityId: id, before: presentPlanSummary(current), after: presentPlanSummary(row) });
    return plan;
  });
}

export async function listVersions({ db, scope, id }: Options & { id: string }) {
  await loadPlan(db, scope, id);
  return { items: (await repo.listVersions(db, scope, id)).map(presentVersionSummary) };
}

export async function getVersion({ db, scope, id, version }: Options & { id: string; version: number }) {
  await loadPlan(db, scope, id);
  const row = await repo.findVersion(db, scope, id, version);
  if (!row) throw notFound("Plan version");
  return presentVersion(row);
}

/** What the PDF shows: the plan, its account's name and the names of the action owners. */
export async function getPlanForPrint({ db, scope, id }: Options & { id: string }) {
  const row = await loadPlan(db, scope, id);
  const plan = presentPlan(row);
  const accountName = (await repo.findAccountName(db, scope, row.accountId)) ?? "";
  const owners = await repo.userNames(db, [...new Set(plan.content.actions.map((a) => a.ownerUserId).filter((x): x is string => x !== null))]);
  return { plan, accountName, owners };
}
