import { describe, expect, it } from "vitest";
import { STANDARD_WEEKLY_HOURS, defineBusinessCalendar } from "./business-hours";
import { applyCaseAction, availableCaseActions, caseSlaState, clockEventsOf, type RecordedCaseEvent } from "./cases";
import { recentMonths } from "./response-metrics";
import { computeCaseSla } from "./sla-clock";
import { DEFAULT_SLA_TARGETS } from "./sla-targets";

const at = (iso: string) => new Date(iso);
const shanghai = defineBusinessCalendar({ timeZone: "Asia/Shanghai", weeklyHours: STANDARD_WEEKLY_HOURS, holidays: ["2025-10-01"] });

describe("applyCaseAction", () => {
  it("moves a new case into progress with the first answer, and keeps a wait on the customer when we answer again", () => {
    expect(applyCaseAction("open", "respond")).toEqual({ type: "responded", status: "in_progress" });
    expect(applyCaseAction("waiting_on_customer", "respond")).toEqual({ type: "responded", status: "waiting_on_customer" });
    expect(applyCaseAction("waiting_on_customer", "customer_replied")).toEqual({ type: "customer_replied", status: "in_progress" });
    expect(applyCaseAction("resolved", "reopen")).toEqual({ type: "reopened", status: "in_progress" });
    expect(applyCaseAction("resolved", "note")).toEqual({ type: "note", status: "resolved" });
  });
  it("refuses actions that make no sense from the status", () => {
    expect(applyCaseAction("resolved", "resolve")).toBeNull();
    expect(applyCaseAction("in_progress", "customer_replied")).toBeNull();
    expect(applyCaseAction("open", "reopen")).toBeNull();
    expect(applyCaseAction("resolved", "respond")).toBeNull();
    expect(availableCaseActions("resolved")).toEqual(["reopen", "note"]);
    expect(availableCaseActions("waiting_on_customer")).toEqual(["respond", "customer_replied", "resolve", "note"]);
  });
});

describe("clockEventsOf + computeCaseSla", () => {
  // Key P1: answer within one business hour, resolve within one business day (540 minutes).
  const target = DEFAULT_SLA_TARGETS.key.P1;
  // Monday 6 October 2025, 09:00 in Shanghai (01:00 UTC).
  const history: RecordedCaseEvent[] = [
    { type: "opened", at: at("2025-10-06T01:00:00Z"), status: "open" },
    { type: "note", at: at("2025-10-06T01:10:00Z"), status: "open" },
    { type: "responded", at: at("2025-10-06T01:30:00Z"), status: "in_progress" },
    { type: "waiting_on_customer", at: at("2025-10-06T02:00:00Z"), status: "waiting_on_customer" },
    { type: "customer_replied", at: at("2025-10-07T02:00:00Z"), status: "in_progress" },
  ];
  const sla = (events: RecordedCaseEvent[], now: string) => computeCaseSla({ events: clockEventsOf(events), target, calendar: shanghai, now: at(now) });

  it("stops the first-response clock at our answer and pauses the resolution clock while the customer has the ball", () => {
    const result = sla(history, "2025-10-07T03:00:00Z");
    expect(result.firstResponse).toMatchObject({ state: "met", elapsedMinutes: 30 });
    // 60 minutes on Monday before the wait, 60 on Tuesday after the reply; the day in between does not count.
    expect(result.resolution).toMatchObject({ state: "running", elapsedMinutes: 120, remainingMinutes: 420 });
    expect(caseSlaState(result)).toBe("running");
    expect(caseSlaState(sla(history.slice(0, 4), "2025-10-09T03:00:00Z"))).toBe("paused");
  });
  it("is at risk before the breach, then breached, and replaying the stored history later gives the same answer", () => {
    const late = sla(history, "2025-10-07T09:00:00Z");
    expect(late.resolution).toMatchObject({ state: "at_risk", elapsedMinutes: 480 });
    expect(caseSlaState(late)).toBe("at_risk");
    expect(caseSlaState(sla(history, "2025-10-08T02:00:00Z"))).toBe("breached");
    expect(sla(history, "2025-10-07T09:00:00Z")).toEqual(late);
  });
  it("does not count the holiday", () => {
    // Opened on Tuesday 30 September at 17:00 in Shanghai: the hour runs out at 18:00; 1 October, a holiday, adds nothing.
    const events: RecordedCaseEvent[] = [{ type: "opened", at: at("2025-09-30T09:00:00Z"), status: "open" }];
    const result = sla(events, "2025-10-01T09:00:00Z");
    expect(result.firstResponse).toMatchObject({ state: "at_risk", elapsedMinutes: 60, remainingMinutes: 0, dueAt: at("2025-09-30T10:00:00Z") });
    expect(sla(events, "2025-10-02T01:00:00Z").firstResponse.elapsedMinutes).toBe(60);
    expect(sla(events, "2025-10-02T01:01:00Z").firstResponse.state).toBe("breached");
  });
  it("leaves notes, assignments and priority changes out of the clocks", () => {
    expect(clockEventsOf([
      { type: "opened", at: at("2025-10-06T01:00:00Z"), status: "open" },
      { type: "assigned", at: at("2025-10-06T01:05:00Z"), status: "open" },
      { type: "priority_changed", at: at("2025-10-06T01:06:00Z"), status: "open" },
    ])).toEqual([{ type: "opened", at: at("2025-10-06T01:00:00Z") }]);
  });
});

describe("recentMonths", () => {
  it("cuts months in the zone: just after midnight on 1 March in Shanghai is already March", () => {
    expect(recentMonths({ now: at("2025-02-28T16:30:00Z"), months: 3, timeZone: "Asia/Shanghai" })).toEqual({
      periods: ["2025-01", "2025-02", "2025-03"],
      since: at("2024-12-31T16:00:00Z"),
    });
    expect(recentMonths({ now: at("2025-02-28T16:30:00Z"), months: 1, timeZone: "UTC" }).periods).toEqual(["2025-02"]);
    expect(() => recentMonths({ now: at("2025-02-28T16:30:00Z"), months: 0, timeZone: "UTC" })).toThrow(RangeError);
  });
});
