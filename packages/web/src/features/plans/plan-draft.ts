import type { TPlan, TPlanContent } from "@openkam/contracts";
import { linesOf } from "./plan-format";

/** What the plan page edits: list sections as text, one item per line, so typing a new line is easy. */
export interface PlanDraft {
  title: string;
  periodStart: string;
  periodEnd: string;
  situation: string;
  strengths: string;
  weaknesses: string;
  opportunities: string;
  threats: string;
  customerGoals: string;
  objectives: TPlanContent["objectives"];
  actions: TPlanContent["actions"];
  risks: TPlanContent["risks"];
}

export function draftOf(plan: Pick<TPlan, "title" | "periodStart" | "periodEnd" | "content">): PlanDraft {
  const c = plan.content;
  return {
    title: plan.title, periodStart: plan.periodStart, periodEnd: plan.periodEnd, situation: c.situation,
    strengths: c.swot.strengths.join("\n"), weaknesses: c.swot.weaknesses.join("\n"), opportunities: c.swot.opportunities.join("\n"), threats: c.swot.threats.join("\n"),
    customerGoals: c.customerGoals.join("\n"), objectives: c.objectives, actions: c.actions, risks: c.risks,
  };
}

export function requestOf(draft: PlanDraft) {
  return {
    title: draft.title.trim(),
    periodStart: draft.periodStart,
    periodEnd: draft.periodEnd,
    content: {
      situation: draft.situation,
      swot: { strengths: linesOf(draft.strengths), weaknesses: linesOf(draft.weaknesses), opportunities: linesOf(draft.opportunities), threats: linesOf(draft.threats) },
      customerGoals: linesOf(draft.customerGoals),
      objectives: draft.objectives,
      actions: draft.actions,
      risks: draft.risks,
    } satisfies TPlanContent,
  };
}

/** Actions due outside the period, found before the server refuses them: index → message key. */
export function dueDateProblems(draft: PlanDraft): Map<number, "dueBeforeStart" | "dueAfterEnd"> {
  const problems = new Map<number, "dueBeforeStart" | "dueAfterEnd">();
  draft.actions.forEach((a, i) => {
    if (!a.dueDate) return;
    if (a.dueDate < draft.periodStart) problems.set(i, "dueBeforeStart");
    else if (a.dueDate > draft.periodEnd) problems.set(i, "dueAfterEnd");
  });
  return problems;
}
