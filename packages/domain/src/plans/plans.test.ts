import { describe, expect, it } from "vitest";
import {
  actionCompletion, canApprovePlans, contentFromTemplate, findPlanTemplate, nextPlanStatus, objectiveAttainment, PLAN_TEMPLATES,
  planProgress, statusAfterEdit, validateActionDueDates, validatePlanPeriod,
} from "./index";

describe("objective attainment", () => {
  it("measures the way from baseline to target and caps it at 0..1", () => {
    expect(objectiveAttainment({ baseline: 100, target: 200, current: 150, weight: 1 })).toBe(0.5);
    expect(objectiveAttainment({ baseline: 100, target: 200, current: 250, weight: 1 })).toBe(1);
    expect(objectiveAttainment({ baseline: 100, target: 200, current: 50, weight: 1 })).toBe(0);
  });
  it("counts a fall when the target is below the baseline", () => {
    expect(objectiveAttainment({ baseline: 20, target: 10, current: 15, weight: 1 })).toBe(0.5);
  });
  it("treats an unmeasured objective as not started and a met flat target as attained", () => {
    expect(objectiveAttainment({ baseline: 1, target: 2, current: null, weight: 1 })).toBe(0);
    expect(objectiveAttainment({ baseline: 5, target: 5, current: 5, weight: 1 })).toBe(1);
    expect(objectiveAttainment({ baseline: 5, target: 5, current: 4, weight: 1 })).toBe(0);
  });
});

describe("plan progress", () => {
  it("weights objectives by their weight", () => {
    expect(planProgress([
      { baseline: 0, target: 100, current: 100, weight: 3 },
      { baseline: 0, target: 100, current: 0, weight: 1 },
    ])).toBe(75);
  });
  it("is null without weighted objectives", () => {
    expect(planProgress([])).toBeNull();
    expect(planProgress([{ baseline: 0, target: 1, current: 1, weight: 0 }])).toBeNull();
  });
  it("counts done actions among the live ones", () => {
    expect(actionCompletion([{ status: "done" }, { status: "todo" }, { status: "cancelled" }])).toBe(50);
    expect(actionCompletion([{ status: "cancelled" }])).toBeNull();
  });
});

describe("plan rules", () => {
  it("refuses a period that ends before it starts", () => {
    expect(validatePlanPeriod("2026-01-01", "2025-12-31")).toHaveLength(1);
    expect(validatePlanPeriod("2026-01-01", "2026-01-01")).toEqual([]);
  });
  it("refuses actions due before the plan starts or after it ends, naming the action", () => {
    const issues = validateActionDueDates({ periodStart: "2026-01-01", periodEnd: "2026-12-31" }, [
      { dueDate: "2026-03-01" }, { dueDate: "2025-12-31" }, { dueDate: null }, { dueDate: "2027-01-01" },
    ]);
    expect(issues.map((i) => i.field)).toEqual(["content.actions.1.dueDate", "content.actions.3.dueDate"]);
    expect(issues[0]!.message).toMatch(/before the plan starts/);
  });
  it("lets only directors and admins approve", () => {
    expect(canApprovePlans("admin")).toBe(true);
    expect(canApprovePlans("director")).toBe(true);
    expect(canApprovePlans("account_manager")).toBe(false);
    expect(canApprovePlans("viewer")).toBe(false);
  });
  it("moves through draft → submitted → approved or changes requested", () => {
    expect(nextPlanStatus("draft", "submit")).toBe("submitted");
    expect(nextPlanStatus("changes_requested", "submit")).toBe("submitted");
    expect(nextPlanStatus("submitted", "approve")).toBe("approved");
    expect(nextPlanStatus("submitted", "request_changes")).toBe("changes_requested");
    expect(nextPlanStatus("draft", "approve")).toBeNull();
    expect(nextPlanStatus("approved", "submit")).toBeNull();
  });
  it("freezes submitted plans and reopens approved ones as drafts on edit", () => {
    expect(statusAfterEdit("submitted")).toBeNull();
    expect(statusAfterEdit("approved")).toBe("draft");
    expect(statusAfterEdit("changes_requested")).toBe("changes_requested");
  });
});

describe("templates", () => {
  it("offers at least two real templates, each in both languages", () => {
    expect(PLAN_TEMPLATES.filter((tpl) => tpl.objectives.length > 0).length).toBeGreaterThanOrEqual(2);
    for (const tpl of PLAN_TEMPLATES) expect(tpl.name["zh-CN"]).not.toBe(tpl.name.en);
  });
  it("pre-fills sections and objective suggestions in the requested language", () => {
    let n = 0;
    const content = contentFromTemplate(findPlanTemplate("strategic")!, "zh-CN", () => `id-${++n}`);
    expect(content.objectives.map((o) => o.kpiKind)).toEqual(["revenue", "share_of_wallet", "satisfaction"]);
    expect(content.objectives[0]!.title).toBe("提升年度收入");
    expect(content.swot.strengths).toHaveLength(1);
    expect(new Set([...content.objectives, ...content.actions].map((x) => x.id)).size).toBe(4);
  });
});
