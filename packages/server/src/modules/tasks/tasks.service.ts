import type { TCreateTaskRequest, TListTasksQuery, TTaskSource, TUpdateTaskRequest } from "@openkam/contracts";
import { newId, type Db } from "@openkam/db";
import { sql } from "drizzle-orm";
import { invalid, notFound } from "../../http/app-error";
import { toPage } from "../../http/cursor";
import { staleVersion, type ExpectedVersion } from "../../http/versioning";
import type { Scope } from "../../tenancy/scope";
import { findAccount } from "../accounts/accounts.repository";
import { recordAudit } from "../audit/audit.repository";
import { isActiveMember } from "../members/members.repository";
import { assertCanWrite } from "./tasks.policy";
import { presentTask } from "./tasks.presenter";
import * as repo from "./tasks.repository";

interface Options {
  db: Db;
  scope: Scope;
}

export async function listTasks({ db, scope, query }: Options & { query: TListTasksQuery }) {
  const page = toPage(await repo.listTasks(db, scope, query), query.limit);
  return { items: page.items.map(presentTask), nextCursor: page.nextCursor };
}

export async function getTask({ db, scope, id }: Options & { id: string }) {
  const row = await repo.findTask(db, scope, id);
  if (!row) throw notFound("Task");
  return presentTask(row);
}

/** The account must be one the caller sees; the assignee an active member. */
async function checkReferences(tx: Db, scope: Scope, input: { accountId?: string | null; assigneeUserId?: string | null }) {
  if (input.accountId && !(await findAccount(tx, scope, input.accountId))) throw invalid("accountId", "The account does not exist");
  if (input.assigneeUserId && !(await isActiveMember(tx, scope, input.assigneeUserId))) {
    throw invalid("assigneeUserId", "The assignee must be an active member of this organization");
  }
}

/**
 * Creates a task; inside a transaction (a `tx` as `db`) it joins it. `source` is set by the module that
 * makes the task (a plan action, a case ...), never by the API caller.
 */
export async function createTask({ db, scope, input, source }: Options & { input: TCreateTaskRequest; source?: TTaskSource }) {
  assertCanWrite(scope);
  return db.transaction(async (tx) => {
    await checkReferences(tx, scope, input);
    const status = input.status ?? "todo";
    const row = await repo.insertTask(tx, scope, {
      ...input,
      id: newId(),
      status,
      position: input.position ?? (await repo.nextPosition(tx, scope, status)),
      completedAt: status === "done" ? new Date() : null,
      createdBy: scope.userId,
      sourceType: source?.type ?? null,
      sourceId: source?.id ?? null,
    });
    const task = presentTask(row);
    await recordAudit(tx, scope, { action: "create", entityType: "task", entityId: row.id, after: task });
    return task;
  });
}

export async function updateTask({ db, scope, id, input, expected }: Options & { id: string; input: TUpdateTaskRequest; expected: ExpectedVersion }) {
  assertCanWrite(scope);
  const { version: _version, ...patch } = input;
  return db.transaction(async (tx) => {
    const current = await repo.findTask(tx, scope, id, { forUpdate: true });
    if (!current) throw notFound("Task");
    if (current.version !== expected.version) throw staleVersion(expected, presentTask(current));
    await checkReferences(tx, scope, {
      accountId: patch.accountId !== current.accountId ? patch.accountId : undefined,
      assigneeUserId: patch.assigneeUserId !== current.assigneeUserId ? patch.assigneeUserId : undefined,
    });
    const moved = patch.status !== undefined && patch.status !== current.status;
    const row = await repo.updateTask(tx, scope, id, expected.version, {
      ...patch,
      // A task moved to another column without a position goes to the end of it.
      ...(moved && patch.position === undefined ? { position: await repo.nextPosition(tx, scope, patch.status!) } : {}),
      ...(moved && patch.status === "done" ? { completedAt: sql`now()` } : {}),
      ...(moved && current.status === "done" ? { completedAt: null } : {}),
    });
    if (!row) throw staleVersion(expected, presentTask(current));
    const task = presentTask(row);
    await recordAudit(tx, scope, { action: "update", entityType: "task", entityId: id, before: presentTask(current), after: task });
    return task;
  });
}

export async function deleteTask({ db, scope, id, expected }: Options & { id: string; expected?: ExpectedVersion }) {
  assertCanWrite(scope);
  await db.transaction(async (tx) => {
    const current = await repo.findTask(tx, scope, id, { forUpdate: true });
    if (!current) throw notFound("Task");
    if (expected && current.version !== expected.version) throw staleVersion(expected, presentTask(current));
    await repo.deleteTask(tx, scope, id);
    await recordAudit(tx, scope, { action: "delete", entityType: "task", entityId: id, before: presentTask(current) });
  });
}
