import type { TCreateInteractionRequest, TListInteractionsQuery, TNextStepTaskRequest, TUpdateInteractionRequest } from "@openkam/contracts";
import { newId, type Db } from "@openkam/db";
import { AppError, invalid, notFound } from "../../http/app-error";
import { toPage } from "../../http/cursor";
import { staleVersion, type ExpectedVersion } from "../../http/versioning";
import type { Scope } from "../../tenancy/scope";
import { findAccount } from "../accounts/accounts.repository";
import { recordAudit } from "../audit/audit.repository";
import { createTask } from "../tasks/tasks.service";
import { assertCanWrite } from "./interactions.policy";
import { presentInteraction, presentInteractionListItem } from "./interactions.presenter";
import * as repo from "./interactions.repository";

interface Options {
  db: Db;
  scope: Scope;
}

const TASK_TITLE_MAX = 300;

export async function listInteractions({ db, scope, query }: Options & { query: TListInteractionsQuery }) {
  const page = toPage(await repo.listInteractions(db, scope, query), query.limit);
  const attendees = await repo.attendeesOf(db, scope, page.items.map((r) => r.id));
  const now = new Date();
  return { items: page.items.map((r) => presentInteractionListItem(r, attendees.get(r.id)!, now)), nextCursor: page.nextCursor };
}

async function present(db: Db, scope: Scope, row: repo.InteractionRow) {
  const attendees = await repo.attendeesOf(db, scope, [row.id]);
  return presentInteraction(row, attendees.get(row.id)!);
}

export async function getInteraction({ db, scope, id }: Options & { id: string }) {
  const row = await repo.findInteraction(db, scope, id);
  if (!row) throw notFound("Interaction");
  return present(db, scope, row);
}

/** Attending contacts must be live contacts of the interaction's account; attending users active members. */
async function checkAttendees(tx: Db, scope: Scope, accountId: string, attendees: Partial<repo.Attendees>) {
  const errors: Array<{ field: string; message: string }> = [];
  if (attendees.contactIds?.length) {
    const known = await repo.contactsOfAccount(tx, scope, accountId, attendees.contactIds);
    attendees.contactIds.forEach((id, i) => {
      if (!known.has(id)) errors.push({ field: `contactIds.${i}`, message: "Not a contact of this account" });
    });
  }
  if (attendees.userIds?.length) {
    const known = await repo.activeMembers(tx, scope, attendees.userIds);
    attendees.userIds.forEach((id, i) => {
      if (!known.has(id)) errors.push({ field: `userIds.${i}`, message: "Not an active member of this organization" });
    });
  }
  if (errors.length > 0) throw new AppError("VALIDATION_FAILED", "Some attendees cannot attend this interaction", { errors });
}

async function requireAccount(tx: Db, scope: Scope, accountId: string) {
  if (!(await findAccount(tx, scope, accountId))) throw invalid("accountId", "The account does not exist");
}

export async function createInteraction({ db, scope, input }: Options & { input: TCreateInteractionRequest }) {
  assertCanWrite(scope);
  const { contactIds = [], userIds = [], occurredAt, ...fields } = input;
  return db.transaction(async (tx) => {
    await requireAccount(tx, scope, input.accountId);
    await checkAttendees(tx, scope, input.accountId, { contactIds, userIds });
    const row = await repo.insertInteraction(tx, scope, { ...fields, occurredAt: new Date(occurredAt), id: newId(), createdBy: scope.userId });
    await repo.setAttendees(tx, scope, row.id, { contactIds, userIds });
    const interaction = await present(tx, scope, row);
    await recordAudit(tx, scope, { action: "create", entityType: "interaction", entityId: row.id, after: interaction });
    return interaction;
  });
}

export async function updateInteraction({ db, scope, id, input, expected }: Options & { id: string; input: TUpdateInteractionRequest; expected: ExpectedVersion }) {
  assertCanWrite(scope);
  const { version: _version, contactIds, userIds, occurredAt, ...fields } = input;
  return db.transaction(async (tx) => {
    const current = await repo.findInteraction(tx, scope, id, { forUpdate: true });
    if (!current) throw notFound("Interaction");
    const before = await present(tx, scope, current);
    if (current.version !== expected.version) throw staleVersion(expected, before);
    const accountMoved = fields.accountId !== undefined && fields.accountId !== current.accountId;
    if (accountMoved) await requireAccount(tx, scope, fields.accountId!);
    // Contacts kept from before must belong to the new account too.
    await checkAttendees(tx, scope, fields.accountId ?? current.accountId, {
      contactIds: contactIds ?? (accountMoved ? before.contactIds : undefined),
      userIds,
    });
    const row = await repo.updateInteraction(tx, scope, id, expected.version, {
      ...fields,
      ...(occurredAt !== undefined ? { occurredAt: new Date(occurredAt) } : {}),
    });
    if (!row) throw staleVersion(expected, before);
    await repo.setAttendees(tx, scope, id, { contactIds, userIds });
    const interaction = await present(tx, scope, row);
    await recordAudit(tx, scope, { action: "update", entityType: "interaction", entityId: id, before, after: interaction });
    return interaction;
  });
}

export async function deleteInteraction({ db, scope, id, expected }: Options & { id: string; expected?: ExpectedVersion }) {
  assertCanWrite(scope);
  await db.transaction(async (tx) => {
    const current = await repo.findInteraction(tx, scope, id, { forUpdate: true });
    if (!current) throw notFound("Interaction");
    const before = await present(tx, scope, current);
    if (expected && current.version !== expected.version) throw staleVersion(expected, before);
    await repo.deleteInteraction(tx, scope, id);
    await recordAudit(tx, scope, { action: "delete", entityType: "interaction", entityId: id, before });
  });
}

/** Turns the interaction's next step into a task on the same account, in one transaction. */
export async function createNextStepTask({ db, scope, id, input }: Options & { id: string; input: TNextStepTaskRequest }) {
  assertCanWrite(scope);
  return db.transaction(async (tx) => {
    const interaction = await repo.findInteraction(tx, scope, id);
    if (!interaction) throw notFound("Interaction");
    const nextStep = interaction.nextStep?.trim();
    if (!nextStep) throw new AppError("UNPROCESSABLE", "This interaction has no next step to turn into a task");
    const title = nextStep.length > TASK_TITLE_MAX ? `${nextStep.slice(0, TASK_TITLE_MAX - 1)}…` : nextStep;
    return createTask({
      db: tx,
      scope,
      input: {
        title,
        description: `${nextStep}\n\n(${interaction.type}, ${interaction.occurredAt.toISOString().slice(0, 10)}: ${interaction.subject})`,
        accountId: interaction.accountId,
        assigneeUserId: input.assigneeUserId ?? null,
        dueDate: input.dueDate ?? null,
        priority: input.priority,
      },
      source: { type: "interaction", id: interaction.id },
    });
  });
}
