export interface PlanIssue {
  field: string;
  message: string;
}

/** ISO dates (YYYY-MM-DD) compare correctly as strings. */
export function validatePlanPeriod(periodStart: string, periodEnd: string): PlanIssue[] {
  return periodEnd < periodStart ? [{ field: "periodEnd", message: "The plan cannot end before it starts" }] : [];
}

/**
 * An action is due inside the plan's period: never before it starts (the plan does not exist yet)
 * and never after it ends (it belongs to the next plan).
 */
export function validateActionDueDates(
  period: { periodStart: string; periodEnd: string },
  actions: ReadonlyArray<{ dueDate: string | null }>,
): PlanIssue[] {
  const issues: PlanIssue[] = [];
  actions.forEach((a, i) => {
    if (a.dueDate === null) return;
    if (a.dueDate < period.periodStart) issues.push({ field: `content.actions.${i}.dueDate`, message: `Due ${a.dueDate}, before the plan starts on ${period.periodStart}` });
    else if (a.dueDate > period.periodEnd) issues.push({ field: `content.actions.${i}.dueDate`, message: `Due ${a.dueDate}, after the plan ends on ${period.periodEnd}` });
  });
  return issues;
}
