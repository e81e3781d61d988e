import type { TCreateFeedbackRequest, TFeedbackTransitionRequest, TListFeedbackQuery, TUpdateFeedbackRequest } from "@openkam/contracts";
import { newId, type Db } from "@openkam/db";
import { checkFeedbackTransition, type FeedbackSeverity, type FeedbackSource, type TransitionRefusal } from "@openkam/domain";
import { AppError, forbidden, invalid, notFound } from "../../http/app-error";
import { toPage } from "../../http/cursor";
import { staleVersion, type ExpectedVersion } from "../../http/versioning";
import type { Scope } from "../../tenancy/scope";
import { findAccount } from "../accounts/accounts.repository";
import { recordAudit } from "../audit/audit.repository";
import { isActiveMember } from "../members/members.repository";
import { insertNotifications } from "../notifications/notifications.repository";
import { findTask } from "../tasks/tasks.repository";
import { createTask, updateTask } from "../tasks/tasks.service";
import { assertCanDeleteFeedback, assertCanWrite } from "./feedback.policy";
import { auditedFeedback, presentFeedback, presentFeedbackDetail } from "./feedback.presenter";
import * as repo from "./feedback.repository";

interface Options {
  db: Db;
  scope: Scope;
  /** The moment deadlines and time in state are measured at; the request's time. */
  now?: Date;
}

export interface NewFeedbackItem {
  accountId: string;
  source: FeedbackSource;
  /** The survey response, interaction or case; none for e-mail and manual entry. */
  sourceId?: string | null;
  title: string;
  description?: string | null;
  category?: string | null;
  severity: FeedbackSeverity;
  area?: string | null;
  /** Defaults to the account's owner, else the caller. */
  ownerUserId?: string | null;
  emailFrom?: string | null;
  emailSentAt?: string | null;
}

/**
 * Tells the owner or the action's assignee. The notification carries no account: the list hides
 * notifications about accounts the reader does not see, and these people may be outside the team.
 */
async function notify(tx: Db, scope: Scope, to: string | null, item: { id: string; title: string }, reason: "owner" | "action", key: string) {
  if (!to || to === scope.userId) return;
  await insertNotifications(tx, scope, [{
    id: newId(), userId: to, kind: "feedback_assigned", actorUserId: scope.userId, accountId: null,
    data: { feedbackId: item.id, title: item.title, reason }, dedupeKey: `feedback:${item.id}:${reason}:${key}`,
  }]);
}

/**
 * Records feedback inside the caller's transaction (the surveys module calls it for a low score,
 * with a system scope): checks the account, the source and the owner, audits the creation and
 * tells the owner. The item starts as "new".
 */
export async function createFeedbackItem(tx: Db, scope: Scope, input: NewFeedbackItem): Promise<{ id: string }> {
  assertCanWrite(scope);
  const account = await findAccount(tx, scope, input.accountId);
  if (!account) throw invalid("accountId", "The account does not exist");
  if (input.source !== "email" && input.source !== "manual" && !input.sourceId) throw invalid("sourceId", `Feedback from a ${input.source} names it`);
  if ((input.source === "interaction" || input.source === "case") && input.sourceId) {
    if ((await repo.sourceAccountId(tx, scope, input.source, input.sourceId)) !== input.accountId) {
      throw invalid("sourceId", `The ${input.source} does not exist on this account`);
    }
  }
  let ownerUserId = input.ownerUserId ?? null;
  if (ownerUserId && !(await isActiveMember(tx, scope, ownerUserId))) throw invalid("ownerUserId", "The owner must be an active member of this organization");
  if (!ownerUserId) ownerUserId = account.ownerUserId && (await isActiveMember(tx, scope, account.ownerUserId)) ? account.ownerUserId : scope.userId;
  const row = await repo.insertFeedback(tx, scope, {
    id: newId(), accountId: input.accountId, source: input.source, sourceId: input.sourceId ?? null, title: input.title.trim(),
    description: input.description ?? null, category: input.category ?? null, severity: input.severity, area: input.area ?? null, ownerUserId,
    emailFrom: input.emailFrom ?? null, emailSentAt: input.emailSentAt ? new Date(input.emailSentAt) : null, createdBy: scope.userId,
  });
  await recordAudit(tx, scope, { action: "create", entityType: "feedback", entityId: row.id, after: auditedFeedback(row) });
  await notify(tx, scope, ownerUserId, row, "owner", ownerUserId ?? "");
  return { id: row.id };
}

export async function getFeedback({ db, scope, id, now = new Date() }: Options & { id: string }) {
  const row = await repo.findFeedback(db, scope, id);
  if (!row) throw notFound("Feedback");
  return presentFeedbackDetail(row, await repo.listTransitions(db, scope, [id]), scope.role, now);
}

export async function createFeedback({ db, scope, input, now }: Options & { input: TCreateFeedbackRequest }) {
  assertCanWrite(scope);
  const { id } = await db.transaction((tx) => createFeedbackItem(tx, scope, input));
  return getFeedback({ db, scope, id, now });
}

export async function listFeedback({ db, scope, query, now = new Date() }: Options & { query: TListFeedbackQuery }) {
  const page = toPage(await repo.listFeedback(db, scope, query), query.limit);
  return { items: page.items.map((row) => presentFeedback(row as repo.FeedbackListRow, now)), nextCursor: page.nextCursor };
}

export async function updateFeedback({ db, scope, id, input, expected, now }: Options & { id: string; input: TUpdateFeedbackRequest; expected: ExpectedVersion }) {
  assertCanWrite(scope);
  const { version: _version, ...patch } = input;
  await db.transaction(async (tx) => {
    const current = await repo.findFeedbackForUpdate(tx, scope, id);
    if (!current) throw notFound("Feedback");
    if (current.version !== expected.version) throw staleVersion(expected, auditedFeedback(current));
    const ownerChanged = patch.ownerUserId !== undefined && patch.ownerUserId !== current.ownerUserId;
    if (ownerChanged && patch.ownerUserId && !(await isActiveMember(tx, scope, patch.ownerUserId))) {
      throw invalid("ownerUserId", "The owner must be an active member of this organization");
    }
    const row = await repo.updateFeedback(tx, scope, id, current.version, patch);
    if (!row) throw staleVersion(expected, auditedFeedback(current));
    await recordAudit(tx, scope, { action: "update", entityType: "feedback", entityId: id, before: auditedFeedback(current), after: auditedFeedback(row) });
    if (ownerChanged) await notify(tx, scope, row.ownerUserId, row, "owner", `${row.ownerUserId}:${row.version}`);
  });
  return getFeedback({ db, scope, id, now });
}

export async function deleteFeedback({ db, scope, id, expected }: Options & { id: string; expected?: ExpectedVersion }) {
  assertCanWrite(scope);
  await db.transaction(async (tx) => {
    const current = await repo.findFeedbackForUpdate(tx, scope, id);
    if (!current) throw notFound("Feedback");
    assertCanDeleteFeedback(scope);
    if (expected && current.version !== expected.version) throw staleVersion(expected, auditedFeedback(current));
    await repo.deleteFeedback(tx, scope, id);
    await recordAudit(tx, scope, { action: "delete", entityType: "feedback", entityId: id, before: auditedFeedback(current) });
  });
}

function refusalError(refusal: TransitionRefusal): AppError {
  switch (refusal.code) {
    case "not_allowed":
      return new AppError("CONFLICT", refusal.message);
    case "task_required":
      return invalid("task", refusal.message);
    case "note_required":
      return invalid("note", refusal.message);
    case "director_only":
      return forbidden(refusal.message);
  }
}

/**
 * Moves an item one step through the loop. Planning creates the improvement action as a task
 * (source: this feedback) in the same transaction, so a refused or failed move leaves no
 * orphan task; marking the item done completes its task if it is still open.
 */
export async function transitionFeedback({ db, scope, id, input, expected, now = new Date() }: Options & { id: string; input: TFeedbackTransitionRequest; expected?: ExpectedVersion }) {
  assertCanWrite(scope);
  await db.transaction(async (tx) => {
    const current = await repo.findFeedbackForUpdate(tx, scope, id);
    if (!current) throw notFound("Feedback");
    if (expected && current.version !== expected.version) throw staleVersion(expected, auditedFeedback(current));
    const refusal = checkFeedbackTransition({ from: current.status, to: input.to, role: scope.role, hasTask: input.task !== undefined, note: input.note });
    if (refusal) throw refusalError(refusal);
    let taskId = current.taskId;
    if (input.to === "planned" && input.task) {
      const task = await createTask({
        db: tx, scope,
        input: { ...input.task, accountId: current.accountId, description: input.task.description ?? `${current.title}${current.description ? `\n\n${current.description}` : ""}` },
        source: { type: "feedback", id },
      });
      taskId = task.id;
      await notify(tx, scope, task.assigneeUserId, current, "action", task.id);
    }
    if (input.to === "done" && current.taskId) {
      const task = await findTask(tx, scope, current.taskId);
      if (task && task.status !== "done" && task.status !== "cancelled") {
        await updateTask({ db: tx, scope, id: task.id, input: { status: "done" }, expected: { version: task.version, source: "body" } });
      }
    }
    const row = await repo.updateFeedback(tx, scope, id, current.version, {
      status: input.to, statusChangedAt: now, taskId,
      closedAt: input.to === "closed" ? now : null,
    });
    if (!row) throw new AppError("CONFLICT", "Someone else moved this feedback at the same moment; reload and try again");
    await repo.insertTransition(tx, scope, { id: newId(), feedbackId: id, fromStatus: current.status, toStatus: input.to, at: now, byUserId: scope.userId, note: input.note ?? null });
    await recordAudit(tx, scope, { action: "update", entityType: "feedback", entityId: id, before: auditedFeedback(current), after: { ...auditedFeedback(row), note: input.note ?? null } });
  });
  return getFeedback({ db, scope, id, now });
}
