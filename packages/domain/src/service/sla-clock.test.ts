import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { STANDARD_WEEKLY_HOURS, defineBusinessCalendar } from "./business-hours";
import { computeCaseSla, type CaseEvent, type ComputeCaseSlaOptions } from "./sla-clock";
import { DEFAULT_SLA_TARGETS, type SlaTarget } from "./sla-targets";

const at = (iso: string) => new Date(iso);
const calendar = defineBusinessCalendar({ timeZone: "Europe/Berlin", weeklyHours: STANDARD_WEEKLY_HOURS, holidays: ["2025-04-18", "2025-04-21"] });
// Key P2: first response within 4 business hours, resolution within 2 business days (1080 minutes).
const keyP2 = DEFAULT_SLA_TARGETS.key.P2;

// Monday 3 March 2025, 09:00 in Berlin.
const opened: CaseEvent = { type: "opened", at: at("2025-03-03T08:00:00Z") };

function sla(events: CaseEvent[], now: string, extra: Partial<ComputeCaseSlaOptions> = {}) {
  return computeCaseSla({ events, target: keyP2, calendar, now: at(now), ...extra });
}

describe("computeCaseSla: first response", () => {
  it("runs in business hours towards its due instant", () => {
    expect(sla([opened], "2025-03-03T09:00:00Z").firstResponse).toEqual({
      state: "running",
      targetMinutes: 240,
      businessHours: true,
      elapsedMinutes: 60,
      remainingMinutes: 180,
      dueAt: at("2025-03-03T12:00:00Z"),
      stoppedAt: null,
    });
  });
  it("is at risk with less than a fifth of the target left, breached past it", () => {
    expect(sla([opened], "2025-03-03T11:30:00Z").firstResponse.state).toBe("at_risk");
    expect(sla([opened], "2025-03-03T12:00:00Z").firstResponse).toMatchObject({ state: "at_risk", remainingMinutes: 0 });
    expect(sla([opened], "2025-03-03T12:01:00Z").firstResponse).toMatchObject({ state: "breached", elapsedMinutes: 241, remainingMinutes: 0, dueAt: at("2025-03-03T12:00:00Z") });
  });
  it("takes a custom at-risk ratio", () => {
    expect(sla([opened], "2025-03-03T10:30:00Z", { atRiskRatio: 0.5 }).firstResponse.state).toBe("at_risk");
    expect(sla([opened], "2025-03-03T11:59:00Z", { atRiskRatio: 0 }).firstResponse.state).toBe("running");
    expect(() => sla([opened], "2025-03-03T10:30:00Z", { atRiskRatio: 1.5 })).toThrow(RangeError);
  });
  it("is met once answered in time, and stays met", () => {
    const events: CaseEvent[] = [opened, { type: "first_response", at: at("2025-03-03T10:00:00Z") }];
    expect(sla(events, "2025-03-10T15:00:00Z").firstResponse).toEqual({
      state: "met",
      targetMinutes: 240,
      businessHours: true,
      elapsedMinutes: 120,
      remainingMinutes: 120,
      dueAt: null,
      stoppedAt: at("2025-03-03T10:00:00Z"),
    });
  });
  it("carries a due instant over the weekend and the change to summer time", () => {
    // Friday 28 March 16:00 CET: two hours on Friday, two on Monday from 09:00 CEST.
    const friday: CaseEvent = { type: "opened", at: at("2025-03-28T15:00:00Z") };
    expect(sla([friday], "2025-03-29T10:00:00Z").firstResponse).toMatchObject({ state: "running", elapsedMinutes: 120, dueAt: at("2025-03-31T09:00:00Z") });
  });
  it("counts a resolution without an answer as the response", () => {
    const events: CaseEvent[] = [opened, { type: "resolved", at: at("2025-03-03T09:00:00Z") }];
    expect(sla(events, "2025-03-05T10:00:00Z").firstResponse).toMatchObject({ state: "met", elapsedMinutes: 60, stoppedAt: at("2025-03-03T09:00:00Z") });
  });
  it("runs around the clock for a strategic P1", () => {
    // Saturday 8 March 22:00 in Berlin; two hours later, at midnight, the answer is due.
    const events: CaseEvent[] = [{ type: "opened", at: at("2025-03-08T21:00:00Z") }];
    const result = computeCaseSla({ events, target: DEFAULT_SLA_TARGETS.strategic.P1, calendar, now: at("2025-03-09T00:00:00Z") });
    expect(result.firstResponse).toMatchObject({ state: "breached", businessHours: false, elapsedMinutes: 180, dueAt: at("2025-03-08T23:00:00Z") });
    expect(result.resolution).toMatchObject({ state: "running", elapsedMinutes: 180, remainingMinutes: 1260, dueAt: at("2025-03-09T21:00:00Z") });
  });
});

describe("computeCaseSla: resolution", () => {
  it("runs towards a due instant two business days ahead", () => {
    expect(sla([opened], "2025-03-03T09:00:00Z").resolution).toMatchObject({ state: "running", targetMinutes: 1080, elapsedMinutes: 60, dueAt: at("2025-03-04T17:00:00Z") });
  });
  it("stops while waiting on the customer and moves the due instant by the pause", () => {
    const waiting: CaseEvent = { type: "status_changed", at: at("2025-03-03T09:00:00Z"), status: "waiting_on_customer" };
    const paused = sla([opened, waiting], "2025-03-03T15:00:00Z");
    expect(paused.resolution).toMatchObject({ state: "paused", elapsedMinutes: 60, dueAt: null, stoppedAt: null });
    expect(paused.firstResponse).toMatchObject({ state: "paused", elapsedMinutes: 60 });

    const resumed = sla([opened, waiting, { type: "status_changed", at: at("2025-03-03T14:00:00Z"), status: "in_progress" }], "2025-03-03T15:00:00Z");
    expect(resumed.resolution).toMatchObject({ state: "running", elapsedMinutes: 120, dueAt: at("2025-03-05T13:00:00Z") });
    expect(resumed.firstResponse).toMatchObject({ state: "running", elapsedMinutes: 120, dueAt: at("2025-03-03T17:00:00Z") });
  });
  it("shows a missed target as breached even while paused", () => {
    const events: CaseEvent[] = [opened, { type: "status_changed", at: at("2025-03-03T13:00:00Z"), status: "waiting_on_customer" }];
    expect(sla(events, "2025-03-03T15:00:00Z").firstResponse).toMatchObject({ state: "breached", elapsedMinutes: 300, dueAt: at("2025-03-03T12:00:00Z") });
  });
  it("pauses only on the statuses it is told", () => {
    const events: CaseEvent[] = [opened, { type: "status_changed", at: at("2025-03-03T09:00:00Z"), status: "waiting_on_customer" }];
    expect(sla(events, "2025-03-03T10:00:00Z", { pauseStatuses: ["pending_vendor"] }).resolution).toMatchObject({ state: "running", elapsedMinutes: 120 });
  });
  it("is met when resolved in time and resumes where it stopped when reopened", () => {
    const resolved: CaseEvent[] = [opened, { type: "first_response", at: at("2025-03-03T08:30:00Z") }, { type: "resolved", at: at("2025-03-04T09:00:00Z") }];
    expect(sla(resolved, "2025-03-04T12:00:00Z").resolution).toEqual({
      state: "met",
      targetMinutes: 1080,
      businessHours: true,
      elapsedMinutes: 600,
      remainingMinutes: 480,
      dueAt: null,
      stoppedAt: at("2025-03-04T09:00:00Z"),
    });
    const reopened = sla([...resolved, { type: "reopened", at: at("2025-03-05T08:00:00Z") }], "2025-03-05T11:00:00Z");
    expect(reopened.resolution).toMatchObject({ state: "running", elapsedMinutes: 780, remainingMinutes: 300, dueAt: at("2025-03-05T16:00:00Z"), stoppedAt: null });
    expect(reopened.firstResponse).toMatchObject({ state: "met", elapsedMinutes: 30, stoppedAt: at("2025-03-03T08:30:00Z") });
  });
  it("is breached when resolved late, keeping when it was due", () => {
    const events: CaseEvent[] = [opened, { type: "first_response", at: at("2025-03-03T08:30:00Z") }, { type: "resolved", at: at("2025-03-06T09:00:00Z") }];
    expect(sla(events, "2025-03-07T12:00:00Z").resolution).toMatchObject({
      state: "breached",
      elapsedMinutes: 3 * 540 + 60,
      dueAt: at("2025-03-04T17:00:00Z"),
      stoppedAt: at("2025-03-06T09:00:00Z"),
    });
  });
  it("keeps the stop instant of a case resolved while waiting on the customer", () => {
    const events: CaseEvent[] = [
      opened,
      { type: "first_response", at: at("2025-03-03T08:30:00Z") },
      { type: "status_changed", at: at("2025-03-03T09:00:00Z"), status: "waiting_on_customer" },
      { type: "resolved", at: at("2025-03-05T09:00:00Z") },
    ];
    expect(sla(events, "2025-03-06T12:00:00Z").resolution).toMatchObject({ state: "met", elapsedMinutes: 60, stoppedAt: at("2025-03-05T09:00:00Z") });
  });
});

describe("computeCaseSla: the event history", () => {
  it("ignores events after now and sorts what it is given", () => {
    const events: CaseEvent[] = [{ type: "first_response", at: at("2025-03-03T15:00:00Z") }, opened];
    expect(sla(events, "2025-03-03T09:00:00Z").firstResponse.state).toBe("running");
    expect(sla(events, "2025-03-03T16:00:00Z").firstResponse.state).toBe("breached");
  });
  it("refuses a history that does not start with the opening", () => {
    expect(() => sla([], "2025-03-03T09:00:00Z")).toThrow(RangeError);
    expect(() => sla([opened], "2025-03-03T07:00:00Z")).toThrow(/at or before now/);
    expect(() => sla([{ type: "first_response", at: at("2025-03-03T07:00:00Z") }, opened], "2025-03-03T09:00:00Z")).toThrow(/starts with "opened"/);
    expect(() => sla([opened, { type: "opened", at: at("2025-03-03T08:30:00Z") }], "2025-03-03T09:00:00Z")).toThrow(/opened once/);
    expect(() => sla([opened, { type: "resolved", at: new Date(Number.NaN) }], "2025-03-03T09:00:00Z")).toThrow(RangeError);
  });
  it("refuses a target of no minutes", () => {
    expect(() => sla([opened], "2025-03-03T09:00:00Z", { target: { ...keyP2, resolutionMinutes: 0 } })).toThrow(RangeError);
  });
});

describe("computeCaseSla: properties", () => {
  const T0 = at("2025-03-03T08:00:00Z").getTime();
  const MINUTE = 60_000;
  const laterEvent = fc.oneof(
    fc.constant({ type: "first_response" as const }),
    fc.constant({ type: "resolved" as const }),
    fc.constant({ type: "reopened" as const }),
    fc.constantFrom("waiting_on_customer", "in_progress").map((status) => ({ type: "status_changed" as const, status })),
  );
  // Events at distinct whole minutes over about three weeks, each up to three days after the previous.
  const history = fc.array(fc.tuple(laterEvent, fc.integer({ min: 1, max: 3 * 1440 })), { maxLength: 8 }).map((steps) => {
    let t = T0;
    const events: CaseEvent[] = [{ type: "opened", at: new Date(T0) }];
    for (const [event, gap] of steps) {
      t += gap * MINUTE;
      events.push({ ...event, at: new Date(t) });
    }
    return events;
  });
  const target = fc.record({ firstResponseMinutes: fc.integer({ min: 1, max: 2000 }), resolutionMinutes: fc.integer({ min: 1, max: 6000 }), businessHours: fc.boolean() });
  const nowOffset = fc.integer({ min: 0, max: 30 * 1440 * MINUTE });
  const run = (events: CaseEvent[], target: SlaTarget, offset: number) => computeCaseSla({ events, target, calendar, now: new Date(T0 + offset) });

  it("elapsed time never decreases as now moves on", () => {
    fc.assert(
      fc.property(history, target, nowOffset, nowOffset, (events, t, a, b) => {
        const [earlier, later] = [run(events, t, Math.min(a, b)), run(events, t, Math.max(a, b))];
        expect(earlier.firstResponse.elapsedMinutes).toBeLessThanOrEqual(later.firstResponse.elapsedMinutes + 1e-9);
        expect(earlier.resolution.elapsedMinutes).toBeLessThanOrEqual(later.resolution.elapsedMinutes + 1e-9);
      }),
      { numRuns: 60 },
    );
  });
  it("pauses never add elapsed time", () => {
    const pauses = fc.array(fc.tuple(nowOffset, fc.integer({ min: 1, max: 3 * 1440 })), { maxLength: 3 });
    fc.assert(
      fc.property(history, target, nowOffset, pauses, (events, t, offset, windows) => {
        const base = events.filter((e) => e.type !== "status_changed");
        const paused: CaseEvent[] = [...base];
        for (const [start, length] of windows) {
          paused.push({ type: "status_changed", at: new Date(T0 + start + 1), status: "waiting_on_customer" });
          paused.push({ type: "status_changed", at: new Date(T0 + start + 1 + length * MINUTE), status: "in_progress" });
        }
        const [without, withPauses] = [run(base, t, offset), run(paused, t, offset)];
        expect(withPauses.firstResponse.elapsedMinutes).toBeLessThanOrEqual(without.firstResponse.elapsedMinutes + 1e-9);
        expect(withPauses.resolution.elapsedMinutes).toBeLessThanOrEqual(without.resolution.elapsedMinutes + 1e-9);
      }),
      { numRuns: 60 },
    );
  });
  it("states agree with the numbers, whatever order the events come in", () => {
    fc.assert(
      fc.property(history, target, nowOffset, fc.integer(), (events, t, offset, seed) => {
        const result = run(events, t, offset);
        const shuffled = [...events].sort((a, b) => hash(a.at.getTime() ^ seed) - hash(b.at.getTime() ^ seed));
        expect(run(shuffled, t, offset)).toEqual(result);
        for (const clock of [result.firstResponse, result.resolution]) {
          expect(clock.remainingMinutes).toBe(Math.max(0, clock.targetMinutes - clock.elapsedMinutes));
          if (clock.state === "met") expect(clock.stoppedAt).not.toBeNull();
          if (clock.state === "running" || clock.state === "at_risk" || clock.state === "paused") expect(clock.stoppedAt).toBeNull();
          expect(clock.state === "breached").toBe(clock.elapsedMinutes > clock.targetMinutes);
          if (clock.state === "running" || clock.state === "at_risk") expect(clock.dueAt!.getTime()).toBeGreaterThanOrEqual(T0 + offset);
        }
      }),
      { numRuns: 60 },
    );
  });
});

function hash(n: number): number {
  return Math.imul(n ^ (n >>> 16), 0x45d9f3b) >>> 0;
}
