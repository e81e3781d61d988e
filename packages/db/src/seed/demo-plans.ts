import { contentFromTemplate, findPlanTemplate, planProgress, type PlanActionStatus } from "@openkam/domain/plans/index";
import { sql } from "drizzle-orm";
import type { Db } from "../connection/database";
import { tasks } from "../schema/activities";
import { accountPlans, accountPlanVersions } from "../schema/plans";
import { Random } from "./random";

interface AccountFact {
  id: string;
  name: string;
  owner: string | null;
}

const isoDay = (day: Date) => day.toISOString().slice(0, 10);

/**
 * Account plans for the demo organisation: on the first strategic accounts, this year's
 * strategic plan (approved by the director, in Chinese) and a growth plan still in draft.
 * Each plan action is a task on the board, as the API makes them. Reads what the rest of
 * the demo made, so it runs after it, in the same transaction. Deterministic for the same data.
 */
export async function seedDemoPlans(tx: Db, orgId: string, now: Date = new Date()): Promise<void> {
  const random = new Random(20_261_124, "plans");
  const accounts = await tx.rows<AccountFact>(sql`
    select id, name, owner_user_id as owner from accounts
    where org_id = ${orgId} and deleted_at is null and tier = 'strategic'
    order by lower(name), id limit 3`);
  if (accounts.length === 0) return;
  const [director] = await tx.rows<{ userId: string }>(sql`
    select user_id as "userId" from memberships where org_id = ${orgId} and is_active and role in ('director', 'admin')
    order by case role when 'director' then 0 else 1 end, user_id limit 1`);
  const year = now.getUTCFullYear();
  const period = { periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` };
  const today = isoDay(now);

  for (const [i, account] of accounts.entries()) {
    const approved = i % 2 === 0 && director !== undefined;
    const template = findPlanTemplate(approved ? "strategic" : "growth")!;
    const content = contentFromTemplate(template, "zh-CN", () => random.uuid());
    content.situation = `${account.name}：${content.situation}`;
    content.objectives = content.objectives.map((o) => {
      const baseline = o.kpiKind === "revenue" ? random.int(50, 200) * 10_000 : o.kpiKind === "share_of_wallet" ? random.int(10, 30) : random.int(10, 40);
      const target = Math.round(baseline * (1.2 + random.int(0, 30) / 100));
      return { ...o, baseline, target, current: Math.round(baseline + (target - baseline) * (random.int(10, 80) / 100)) };
    });
    const statuses: PlanActionStatus[] = ["done", "in_progress", "todo"];
    content.actions = [
      ...content.actions,
      { id: random.uuid(), title: "季度业务回顾：对齐客户目标", ownerUserId: account.owner, dueDate: `${year}-06-30`, status: "todo" as PlanActionStatus, progress: 0, objectiveId: content.objectives[0]?.id ?? null, taskId: null as string | null },
    ].map((a, k) => ({ ...a, ownerUserId: account.owner, dueDate: a.dueDate ?? `${year}-0${k + 3}-15`, status: statuses[k % statuses.length]!, progress: [100, 50, 0][k % 3]!, taskId: random.uuid() }));
    content.risks = [{ id: random.uuid(), description: "竞争对手以低价争夺份额", likelihood: "medium", impact: "high", mitigation: "以总拥有成本论证价值，并安排高层拜访" }];

    const planId = random.uuid();
    const progress = planProgress(content.objectives);
    const title = `${year} ${template.name["zh-CN"]} · ${account.name}`;
    await tx.orm.insert(tasks).values(content.actions.map((a, k) => ({
      orgId, id: a.taskId!, title: a.title, accountId: account.id, assigneeUserId: a.ownerUserId, dueDate: a.dueDate, status: a.status,
      position: k, completedAt: a.status === "done" ? now : null, createdBy: account.owner, sourceType: "plan" as const, sourceId: planId,
    })));
    const base = { orgId, title, ...period, content, progress, createdBy: account.owner };
    await tx.orm.insert(accountPlans).values({
      ...base, id: planId, accountId: account.id, templateKey: template.key, version: approved ? 3 : 1,
      status: approved ? "approved" : "draft",
      submittedAt: approved ? now : null, submittedBy: approved ? account.owner : null,
      approvedVersion: approved ? 2 : null, approvedAt: approved ? now : null, approvedBy: approved ? director.userId : null,
      reviewComment: approved ? `${today} 审阅通过` : null,
    });
    await tx.orm.insert(accountPlanVersions).values([
      { ...base, planId, version: 1, status: "draft" as const, change: "create" as const },
      ...(approved ? [
        { ...base, planId, version: 2, status: "submitted" as const, change: "submit" as const },
        { ...base, planId, version: 3, status: "approved" as const, change: "approve" as const, createdBy: director.userId },
      ] : []),
    ]);
  }
}
