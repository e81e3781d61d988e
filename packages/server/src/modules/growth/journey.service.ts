import type { TJourney, TPutJourneyRequest } from "@openkam/contracts";
import { newId, type Db } from "@openkam/db";
import { defaultJourneyStages, journeyStageProblems, type JourneyStage } from "@openkam/domain";
import { AppError, invalid, notFound } from "../../http/app-error";
import { staleVersion, type ExpectedVersion } from "../../http/versioning";
import type { Scope } from "../../tenancy/scope";
import { recordAudit } from "../audit/audit.repository";
import { isActiveMember } from "../members/members.repository";
import { presentTask } from "../tasks/tasks.presenter";
import { insertTask, nextPosition } from "../tasks/tasks.repository";
import { visibleAccountOrThrow, writableAccount } from "./growth.policy";
import * as repo from "./journey.repository";

interface Options {
  db: Db;
  scope: Scope;
}

const AUDIT_TYPE = "customer_journey";

function presentJourney(accountId: string, row: repo.JourneyRow | undefined): TJourney {
  if (!row) return { accountId, stages: defaultJourneyStages().map((s) => ({ ...s, touchpoints: [], painPoints: [], actions: [] })), updatedAt: null, version: 0 };
  return { accountId, stages: row.stages, updatedAt: row.updatedAt.toISOString(), version: row.version };
}

export async function getJourney({ db, scope, accountId }: Options & { accountId: string }) {
  await visibleAccountOrThrow(db, scope, accountId);
  return presentJourney(accountId, await repo.findJourney(db, scope, accountId));
}

/** Item ids are unique in the whole map, and an action's pain point is one of its own stage. */
function checkStages(stages: TPutJourneyRequest["stages"]): void {
  const problems = journeyStageProblems(stages);
  if (problems.length > 0) throw invalid("stages", problems[0]!);
  const ids = new Set<string>();
  stages.forEach((stage, s) => {
    for (const [kind, items] of [["touchpoints", stage.touchpoints], ["painPoints", stage.painPoints], ["actions", stage.actions]] as const) {
      items.forEach((item, i) => {
        if (ids.has(item.id)) throw invalid(`stages.${s}.${kind}.${i}.id`, "This id is used twice in the journey");
        ids.add(item.id);
      });
    }
    stage.actions.forEach((action, i) => {
      if (action.painPointId !== null && !stage.painPoints.some((p) => p.id === action.painPointId)) {
        throw invalid(`stages.${s}.actions.${i}.painPointId`, "The pain point must be one of the same stage");
      }
    });
  });
}

/**
 * Replaces the account's journey map. A version is optional (0 for the default journey); when
 * given a stale one is refused. Task links are the server's: an action keeps the task it had.
 */
export async function putJourney({ db, scope, accountId, input, expected }: Options & { accountId: string; input: TPutJourneyRequest; expected?: ExpectedVersion }) {
  checkStages(input.stages);
  return db.transaction(async (tx) => {
    await writableAccount(tx, scope, accountId);
    const current = await repo.findJourney(tx, scope, accountId, { forUpdate: true });
    const before = presentJourney(accountId, current);
    if (expected && expected.version !== before.version) throw staleVersion(expected, before);
    const taskOf = new Map(current?.stages.flatMap((s) => s.actions.map((a) => [a.id, a.taskId] as const)) ?? []);
    const stages: JourneyStage[] = input.stages.map((s) => ({ ...s, actions: s.actions.map((a) => ({ ...a, taskId: taskOf.get(a.id) ?? null })) }));
    const row = await repo.writeJourney(tx, scope, accountId, current, stages);
    if (!row) throw new AppError("CONFLICT", "Someone else changed this journey at the same moment; reload and try again");
    const journey = presentJourney(accountId, row);
    await recordAudit(tx, scope, { action: current ? "update" : "create", entityType: AUDIT_TYPE, entityId: accountId, before: current ? before : undefined, after: journey });
    return journey;
  });
}

/** Turns an improvement action into a task on the account (source: journey), once. */
export async function createActionTask({ db, scope, accountId, actionId, assigneeUserId }: Options & { accountId: string; actionId: string; assigneeUserId?: string | null }) {
  return db.transaction(async (tx) => {
    await writableAccount(tx, scope, accountId);
    const current = await repo.findJourney(tx, scope, accountId, { forUpdate: true });
    const action = current?.stages.flatMap((s) => s.actions).find((a) => a.id === actionId);
    if (!current || !action) throw notFound("Improvement action");
    if (action.taskId) throw new AppError("CONFLICT", "This action is already a task");
    const assignee = assigneeUserId === undefined ? scope.userId : assigneeUserId;
    if (assignee && !(await isActiveMember(tx, scope, assignee))) throw invalid("assigneeUserId", "The assignee must be an active member of this organization");
    const taskRow = await insertTask(tx, scope, {
      id: newId(), title: action.description.slice(0, 200), accountId, assigneeUserId: assignee, dueDate: action.dueDate, status: "todo",
      position: await nextPosition(tx, scope, "todo"), createdBy: scope.userId, sourceType: "journey", sourceId: action.id,
    });
    await recordAudit(tx, scope, { action: "create", entityType: "task", entityId: taskRow.id, after: presentTask(taskRow) });
    const before = presentJourney(accountId, current);
    const stages = current.stages.map((s) => ({ ...s, actions: s.actions.map((a) => (a.id === actionId ? { ...a, taskId: taskRow.id } : a)) }));
    const row = await repo.writeJourney(tx, scope, accountId, current, stages);
    if (!row) throw new AppError("CONFLICT", "Someone else changed this journey at the same moment; reload and try again");
    const journey = presentJourney(accountId, row);
    await recordAudit(tx, scope, { action: "update", entityType: AUDIT_TYPE, entityId: accountId, before, after: journey });
    return { taskId: taskRow.id, journey };
  });
}
