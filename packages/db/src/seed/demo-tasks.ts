import type { TaskPriority, TaskStatus } from "@openkam/domain";
import { dayAt, formatDay } from "./calendar";
import { ACCOUNT_MANAGER_KEYS, userId } from "./demo-users";
import type { AccountPlan, DemoContext, TaskRow, TeamMemberRow } from "./demo-types";
import type { Random, Weighted } from "./random";
import { TASK_DESCRIPTIONS, TASK_TITLES } from "./vocabulary";

const w = <T>(value: T, weight: number): Weighted<T> => ({ value, weight });

const PRIORITIES: readonly Weighted<TaskPriority>[] = [w("low", 20), w("medium", 45), w("high", 25), w("urgent", 10)];

/** Old tasks are mostly closed; the ones still open are overdue. Future ones are mostly open. */
function statusFor(rng: Random, dueDay: number, asOfDay: number): TaskStatus {
  if (dueDay < asOfDay - 30) return rng.weighted([w("done", 70), w("cancelled", 12), w("todo", 8), w("in_progress", 6), w("blocked", 4)]);
  if (dueDay < asOfDay) return rng.weighted([w("done", 45), w("in_progress", 20), w("todo", 20), w("blocked", 8), w("cancelled", 7)]);
  return rng.weighted([w("todo", 50), w("in_progress", 30), w("blocked", 8), w("done", 10), w("cancelled", 2)]);
}

function taskCount(rng: Random, plan: AccountPlan): number {
  if (plan.row.status === "churned") return rng.int(0, 1);
  switch (plan.row.tier) {
    case "strategic":
      return rng.int(8, 12);
    case "key":
      return rng.int(4, 7);
    case "growth":
      return rng.int(2, 4);
    case "standard":
      return rng.int(0, 2);
  }
}

/** Tasks of the account teams, plus a few not tied to an account. */
export function generateTasks(ctx: DemoContext, plans: readonly AccountPlan[], teamByAccount: ReadonlyMap<string, readonly TeamMemberRow[]>): TaskRow[] {
  const rng = ctx.random.fork("tasks");
  const rows: TaskRow[] = [];
  const positions = new Map<TaskStatus, number>();
  const add = (plan: AccountPlan | null, assignee: string | null) => {
    const dueDay = ctx.asOfDay + rng.int(-200, 60);
    const status = statusFor(rng, dueDay, ctx.asOfDay);
    const createdDay = Math.min(ctx.asOfDay - 1, dueDay - rng.int(7, 60));
    const createdAt = dayAt(createdDay, rng.int(60, 600));
    const completedDay = Math.min(ctx.asOfDay - 1, Math.max(createdDay + 1, dueDay + rng.int(-10, 5)));
    const closedAt = status === "done" || status === "cancelled"
      ? new Date(Math.max(createdAt.getTime() + 3_600_000, dayAt(completedDay, rng.int(60, 600)).getTime()))
      : null;
    const position = (positions.get(status) ?? 0) + 1000;
    positions.set(status, position);
    const language = plan?.language ?? "zh";
    rows.push({
      orgId: ctx.orgId, id: rng.uuid(), title: rng.pick(TASK_TITLES)[language],
      description: rng.chance(0.3) ? rng.pick(TASK_DESCRIPTIONS)[language] : null, accountId: plan?.row.id ?? null,
      assigneeUserId: assignee, dueDate: rng.chance(0.95) ? formatDay(dueDay) : null, status, priority: rng.weighted(PRIORITIES), position,
      completedAt: status === "done" ? closedAt : null, createdBy: assignee ?? userId(ctx.users, "li.wei"), createdAt,
      updatedAt: closedAt ?? (status === "todo" ? createdAt : dayAt(rng.int(createdDay, ctx.asOfDay - 1), rng.int(601, 700))), version: 1,
    });
  };
  for (const plan of plans) {
    const team = teamByAccount.get(plan.row.id) ?? [];
    const lead = userId(ctx.users, plan.ownerKey);
    for (let i = taskCount(rng, plan); i > 0; i--) {
      const assignee = rng.weighted([w<string | null>(lead, 70), w<string | null>(team.length > 0 ? rng.pick(team).userId : lead, 25), w<string | null>(null, 5)]);
      add(plan, assignee);
    }
  }
  const unattached = Math.max(1, Math.round(plans.length * 0.05));
  for (let i = 0; i < unattached; i++) add(null, userId(ctx.users, rng.pick(["li.wei", ...ACCOUNT_MANAGER_KEYS])));
  return rows;
}
