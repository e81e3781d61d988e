import { describe, expect, it } from "vitest";
import { draftOf, dueDateProblems, requestOf } from "./plan-draft";

const plan = {
  title: "2026 计划", periodStart: "2026-01-01", periodEnd: "2026-12-31",
  content: {
    situation: "现状", swot: { strengths: ["a", "b"], weaknesses: [], opportunities: ["c"], threats: [] }, customerGoals: ["g"],
    objectives: [], risks: [],
    actions: [
      { id: "1", title: "x", ownerUserId: null, dueDate: "2025-12-31", status: "todo" as const, progress: 0, objectiveId: null, taskId: null },
      { id: "2", title: "y", ownerUserId: null, dueDate: "2026-06-01", status: "todo" as const, progress: 0, objectiveId: null, taskId: null },
      { id: "3", title: "z", ownerUserId: null, dueDate: "2027-01-01", status: "todo" as const, progress: 0, objectiveId: null, taskId: null },
    ],
  },
};

describe("plan draft", () => {
  it("edits lists as lines and sends them back as trimmed items without blanks", () => {
    const draft = { ...draftOf(plan), strengths: "a\n\n  b  \n", title: "  t " };
    expect(draftOf(plan).strengths).toBe("a\nb");
    const body = requestOf(draft);
    expect(body.title).toBe("t");
    expect(body.content.swot.strengths).toEqual(["a", "b"]);
    expect(body.content.swot.opportunities).toEqual(["c"]);
  });
  it("flags actions due before the plan starts or after it ends", () => {
    expect([...dueDateProblems(draftOf(plan))]).toEqual([[0, "dueBeforeStart"], [2, "dueAfterEnd"]]);
  });
});
