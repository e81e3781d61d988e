import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  FEEDBACK_STATUSES, checkFeedbackTransition, completedStays, durationStats, feedbackDeadline, feedbackMetrics, nextFeedbackStatuses, timeInState,
  youSaidWeDid, type FeedbackStatus,
} from "./index";

const at = (iso: string) => new Date(iso);
const DAY = 86_400_000;

describe("checkFeedbackTransition", () => {
  const ok = { role: "account_manager" as const, hasTask: false, note: null };

  it("allows the loop one step at a time, forward only", () => {
    expect(checkFeedbackTransition({ ...ok, from: "new", to: "acknowledged" })).toBeNull();
    expect(checkFeedbackTransition({ ...ok, from: "acknowledged", to: "planned", hasTask: true })).toBeNull();
    expect(checkFeedbackTransition({ ...ok, from: "planned", to: "done" })).toBeNull();
    expect(checkFeedbackTransition({ ...ok, from: "done", to: "informed", note: "Told them at the QBR" })).toBeNull();
    expect(checkFeedbackTransition({ ...ok, from: "informed", to: "closed" })).toBeNull();
    expect(checkFeedbackTransition({ ...ok, from: "new", to: "closed" })).toEqual({ code: "not_allowed", message: "Feedback that is new can only move to acknowledged, not to closed" });
    expect(checkFeedbackTransition({ ...ok, from: "done", to: "planned" })?.code).toBe("not_allowed");
    expect(checkFeedbackTransition({ ...ok, from: "new", to: "new" })?.code).toBe("not_allowed");
  });

  it("needs a task to plan, and takes one only then", () => {
    expect(checkFeedbackTransition({ ...ok, from: "acknowledged", to: "planned" })?.code).toBe("task_required");
    expect(checkFeedbackTransition({ ...ok, from: "new", to: "acknowledged", hasTask: true })?.code).toBe("not_allowed");
  });

  it("needs a note of how the customer was told; blank text is no note", () => {
    expect(checkFeedbackTransition({ ...ok, from: "done", to: "informed" })?.code).toBe("note_required");
    expect(checkFeedbackTransition({ ...ok, from: "done", to: "informed", note: "   " })?.code).toBe("note_required");
  });

  it("lets only directors and admins reopen closed feedback, with a reason", () => {
    for (const role of ["account_manager", "member", "viewer"] as const) {
      expect(checkFeedbackTransition({ role, hasTask: false, from: "closed", to: "acknowledged", note: "still broken" })?.code).toBe("director_only");
    }
    expect(checkFeedbackTransition({ role: "director", hasTask: false, from: "closed", to: "acknowledged", note: "still broken" })).toBeNull();
    expect(checkFeedbackTransition({ role: "admin", hasTask: false, from: "closed", to: "acknowledged" })?.code).toBe("note_required");
  });

  it("offers each role the moves it may make", () => {
    expect(nextFeedbackStatuses("new", "member")).toEqual(["acknowledged"]);
    expect(nextFeedbackStatuses("new", "viewer")).toEqual([]);
    expect(nextFeedbackStatuses("closed", "account_manager")).toEqual([]);
    expect(nextFeedbackStatuses("closed", "director")).toEqual(["acknowledged"]);
  });
});

describe("timeInState", () => {
  it("adds up the time in each state, the current one up to now", () => {
    const created = at("2026-01-01T00:00:00Z");
    const totals = timeInState({
      createdAt: created,
      transitions: [
        { from: "new", to: "acknowledged", at: at("2026-01-02T12:00:00Z") },
        { from: "acknowledged", to: "planned", at: at("2026-01-04T00:00:00Z") },
      ],
      now: at("2026-01-14T00:00:00Z"),
    });
    expect(totals).toEqual({ new: 1.5 * DAY, acknowledged: 1.5 * DAY, planned: 10 * DAY, done: 0, informed: 0, closed: 0 });
  });

  it("counts a transition stamped before the previous one as no time, never negative", () => {
    const totals = timeInState({
      createdAt: at("2026-01-02T00:00:00Z"),
      transitions: [{ from: "new", to: "acknowledged", at: at("2026-01-01T00:00:00Z") }],
      now: at("2026-01-03T00:00:00Z"),
    });
    expect(totals.new).toBe(0);
    expect(totals.acknowledged).toBe(DAY);
  });

  it("gives parts that sum to the elapsed time for any walk through the loop (property)", () => {
    const loop: FeedbackStatus[] = ["new", "acknowledged", "planned", "done", "informed", "closed"];
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 20 }),
      fc.array(fc.integer({ min: 0, max: 30 * DAY }), { minLength: 21, maxLength: 21 }),
      fc.integer({ min: 0, max: 30 * DAY }),
      (steps, gaps, tail) => {
        const created = at("2026-01-01T00:00:00Z").getTime();
        let state: FeedbackStatus = "new";
        let t = created;
        const transitions = [];
        for (let i = 0; i < steps; i++) {
          const to: FeedbackStatus = state === "closed" ? "acknowledged" : loop[loop.indexOf(state) + 1]!;
          t += gaps[i]!;
          transitions.push({ from: state, to, at: new Date(t) });
          state = to;
        }
        const now = new Date(t + tail);
        const totals = timeInState({ createdAt: new Date(created), transitions, now });
        const sum = FEEDBACK_STATUSES.reduce((s, k) => s + totals[k], 0);
        return sum === now.getTime() - created && FEEDBACK_STATUSES.every((k) => totals[k] >= 0);
      },
    ));
  });
});

describe("feedbackDeadline", () => {
  it("gives critical feedback one day to be acknowledged, overdue strictly after", () => {
    const changed = at("2026-03-01T09:00:00Z");
    expect(feedbackDeadline({ status: "new", severity: "critical", statusChangedAt: changed, now: at("2026-03-02T09:00:00Z") }))
      .toEqual({ dueAt: at("2026-03-02T09:00:00Z"), overdue: false, daysOverdue: 0 });
    expect(feedbackDeadline({ status: "new", severity: "critical", statusChangedAt: changed, now: at("2026-03-02T09:00:01Z") }).overdue).toBe(true);
    expect(feedbackDeadline({ status: "new", severity: "critical", statusChangedAt: changed, now: at("2026-03-05T10:00:00Z") }).daysOverdue).toBe(3);
  });

  it("allows more time for lower severities and never marks closed items overdue", () => {
    expect(feedbackDeadline({ status: "planned", severity: "low", statusChangedAt: at("2026-01-01T00:00:00Z"), now: at("2026-03-01T00:00:00Z") }).dueAt)
      .toEqual(at("2026-04-01T00:00:00Z"));
    expect(feedbackDeadline({ status: "closed", severity: "critical", statusChangedAt: at("2020-01-01T00:00:00Z"), now: at("2026-01-01T00:00:00Z") }))
      .toEqual({ dueAt: null, overdue: false, daysOverdue: 0 });
  });
});

describe("feedbackMetrics", () => {
  it("gives median and mean of completed stays, open counts, overdue and closure time", () => {
    const now = at("2026-02-01T00:00:00Z");
    const closed = {
      status: "closed" as const, severity: "high" as const, createdAt: at("2026-01-01T00:00:00Z"), statusChangedAt: at("2026-01-11T00:00:00Z"), closedAt: at("2026-01-11T00:00:00Z"),
      transitions: [
        { from: "new" as const, to: "acknowledged" as const, at: at("2026-01-02T00:00:00Z") },
        { from: "acknowledged" as const, to: "planned" as const, at: at("2026-01-03T00:00:00Z") },
        { from: "planned" as const, to: "done" as const, at: at("2026-01-09T00:00:00Z") },
        { from: "done" as const, to: "informed" as const, at: at("2026-01-10T00:00:00Z") },
        { from: "informed" as const, to: "closed" as const, at: at("2026-01-11T00:00:00Z") },
      ],
    };
    const lateNew = { status: "new" as const, severity: "critical" as const, createdAt: at("2026-01-20T00:00:00Z"), statusChangedAt: at("2026-01-20T00:00:00Z"), closedAt: null, transitions: [] };
    const acked = {
      status: "acknowledged" as const, severity: "low" as const, createdAt: at("2026-01-28T00:00:00Z"), statusChangedAt: at("2026-01-31T00:00:00Z"), closedAt: null,
      transitions: [{ from: "new" as const, to: "acknowledged" as const, at: at("2026-01-31T00:00:00Z") }],
    };
    const m = feedbackMetrics([closed, lateNew, acked], now);
    expect(m.timeInState.new).toEqual({ count: 2, medianDays: 2, avgDays: 2 });
    expect(m.timeInState.planned).toEqual({ count: 1, medianDays: 6, avgDays: 6 });
    expect(m.openByStatus).toEqual({ new: 1, acknowledged: 1, planned: 0, done: 0, informed: 0 });
    expect(m.overdue).toBe(1);
    expect(m.closure).toEqual({ count: 1, medianDays: 10, avgDays: 10 });
  });

  it("has no figures for nothing", () => {
    expect(durationStats([])).toEqual({ count: 0, medianDays: null, avgDays: null });
    expect(durationStats([DAY, 2 * DAY, 4 * DAY, 10 * DAY])).toEqual({ count: 4, medianDays: 3, avgDays: 4.3 });
    expect(completedStays(at("2026-01-01T00:00:00Z"), [])).toEqual([]);
  });
});

describe("youSaidWeDid", () => {
  it("tells the period's closed items in closing order, with themes and closing times", () => {
    const base = { description: null, area: null, severity: "medium" as const, source: "survey" as const, actionDescription: null, actionDoneAt: null };
    const report = youSaidWeDid([
      { ...base, id: "b", title: "Invoices are late", category: "billing", createdAt: at("2026-01-01T00:00:00Z"), closedAt: at("2026-01-21T00:00:00Z"), actionTitle: "Send invoices on the 1st", informNote: "Call with CFO" },
      { ...base, id: "a", title: "Portal is slow", category: "product", createdAt: at("2026-01-05T00:00:00Z"), closedAt: at("2026-01-09T12:00:00Z"), actionTitle: "Cache the catalogue", informNote: "E-mail" },
      { ...base, id: "c", title: "Second invoice issue", category: "billing", createdAt: at("2026-01-10T00:00:00Z"), closedAt: at("2026-01-30T00:00:00Z"), actionTitle: null, informNote: null },
    ]);
    expect(report.entries.map((e) => [e.id, e.youSaid, e.weDid, e.daysToClose])).toEqual([
      ["a", "Portal is slow", "Cache the catalogue", 4],
      ["b", "Invoices are late", "Send invoices on the 1st", 20],
      ["c", "Second invoice issue", null, 20],
    ]);
    expect(report.byCategory).toEqual([{ category: "billing", count: 2 }, { category: "product", count: 1 }]);
    expect(report.closure).toEqual({ medianDays: 20, avgDays: 14.8 });
    expect(youSaidWeDid([])).toEqual({ entries: [], total: 0, closure: { medianDays: null, avgDays: null }, byCategory: [] });
  });
});
