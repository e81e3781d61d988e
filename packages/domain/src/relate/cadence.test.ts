import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_CADENCE_POLICIES,
  assessCadence,
  buildWeekAgenda,
  cadenceKindOf,
  latestCadenceInteractions,
  resolveCadencePolicy,
  type CadenceAccount,
  type CadenceDue,
} from "./cadence";
import { daysBetweenIsoDates, zonedDateOf } from "./dates";

const at = (iso: string) => new Date(iso);
const BERLIN = "Europe/Berlin";
const strategic = DEFAULT_CADENCE_POLICIES.strategic;

function visitDue(lastVisit: string, now: string, timeZone = BERLIN): CadenceDue {
  const [visit] = assessCadence({ policy: strategic, lastAt: { visit: at(lastVisit) }, startedAt: at("2020-01-01T00:00:00Z"), now: at(now), timeZone });
  return visit!;
}

describe("resolveCadencePolicy", () => {
  it("starts from the tier's defaults", () => {
    expect(resolveCadencePolicy("strategic")).toEqual({ visit: 30, executive_meeting: 90, qbr: "quarterly" });
    expect(resolveCadencePolicy("key")).toEqual({ visit: 60, executive_meeting: 180, qbr: "quarterly" });
    expect(resolveCadencePolicy("growth")).toEqual({ visit: 90, executive_meeting: null, qbr: "half_yearly" });
    expect(resolveCadencePolicy("standard")).toEqual({ visit: 180, executive_meeting: null, qbr: null });
  });
  it("lets an account change, add or drop a kind and keeps what it leaves undefined", () => {
    expect(resolveCadencePolicy("growth", { visit: 45, executive_meeting: 120, qbr: null })).toEqual({ visit: 45, executive_meeting: 120, qbr: null });
    expect(resolveCadencePolicy("key", { visit: undefined, qbr: "half_yearly" })).toEqual({ visit: 60, executive_meeting: 180, qbr: "half_yearly" });
  });
  it("does not change the defaults it starts from", () => {
    resolveCadencePolicy("strategic", { visit: 7 });
    expect(DEFAULT_CADENCE_POLICIES.strategic.visit).toBe(30);
  });
  it("refuses intervals that are not whole days from 1 to 3660", () => {
    for (const visit of [0, -5, 1.5, 3661, Number.NaN]) expect(() => resolveCadencePolicy("key", { visit })).toThrow(RangeError);
    expect(resolveCadencePolicy("key", { visit: 3660 }).visit).toBe(3660);
  });
});

describe("interactions and cadences", () => {
  it("maps each cadence to its interaction type, and calls or e-mails to none", () => {
    expect(cadenceKindOf("visit")).toBe("visit");
    expect(cadenceKindOf("executive_meeting")).toBe("executive_meeting");
    expect(cadenceKindOf("qbr")).toBe("qbr");
    expect(cadenceKindOf("call")).toBeUndefined();
    expect(cadenceKindOf("meeting")).toBeUndefined();
  });
  it("takes the latest past interaction per cadence and leaves planned ones out", () => {
    const latest = latestCadenceInteractions(
      [
        { type: "visit", occurredAt: at("2025-03-01T10:00:00Z") },
        { type: "visit", occurredAt: at("2025-03-10T10:00:00Z") },
        { type: "visit", occurredAt: at("2025-04-10T10:00:00Z") },
        { type: "call", occurredAt: at("2025-03-11T10:00:00Z") },
        { type: "qbr", occurredAt: at("2025-01-20T10:00:00Z") },
      ],
      at("2025-03-15T00:00:00Z"),
    );
    expect(latest).toEqual({ visit: at("2025-03-10T10:00:00Z"), qbr: at("2025-01-20T10:00:00Z") });
  });
});

describe("assessCadence: rolling intervals", () => {
  // Last visit 1 March 10:00 in Berlin: a 30-day cadence is due by the end of 31 March.
  const lastVisit = "2025-03-01T09:00:00Z";
  it("is ok until the due-soon window, due soon through the due day, overdue after", () => {
    expect(visitDue(lastVisit, "2025-03-20T12:00:00Z")).toMatchObject({ dueOn: "2025-03-31", daysUntilDue: 11, daysOverdue: 0, status: "ok" });
    expect(visitDue(lastVisit, "2025-03-23T12:00:00Z").status).toBe("ok");
    expect(visitDue(lastVisit, "2025-03-24T12:00:00Z")).toMatchObject({ daysUntilDue: 7, status: "due_soon" });
    expect(visitDue(lastVisit, "2025-03-31T21:00:00Z")).toMatchObject({ daysUntilDue: 0, daysOverdue: 0, status: "due_soon" });
    // 22:30 UTC is already 1 April in Berlin (summer time since 30 March).
    expect(visitDue(lastVisit, "2025-03-31T22:30:00Z")).toMatchObject({ daysUntilDue: -1, daysOverdue: 1, status: "overdue" });
  });
  it("counts days from the local date of the last visit", () => {
    expect(visitDue("2025-03-01T23:30:00Z", "2025-03-02T12:00:00Z", BERLIN).dueOn).toBe("2025-04-01");
    expect(visitDue("2025-03-01T23:30:00Z", "2025-03-02T12:00:00Z", "America/New_York").dueOn).toBe("2025-03-31");
  });
  it("honours a custom due-soon window", () => {
    const [visit] = assessCadence({ policy: strategic, lastAt: { visit: at(lastVisit) }, startedAt: at("2020-01-01"), now: at("2025-03-20T12:00:00Z"), timeZone: BERLIN, dueSoonDays: 14 });
    expect(visit!.status).toBe("due_soon");
    expect(() => assessCadence({ policy: strategic, lastAt: {}, startedAt: at("2020-01-01"), now: at("2025-03-20"), timeZone: BERLIN, dueSoonDays: -1 })).toThrow(RangeError);
  });
});

describe("assessCadence: calendar periods", () => {
  const qbr = (last: string, now: string) =>
    assessCadence({ policy: strategic, lastAt: { qbr: at(last) }, startedAt: at("2020-01-01"), now: at(now), timeZone: BERLIN }).find((d) => d.kind === "qbr")!;
  it("makes the next QBR due by the end of the quarter after the last one", () => {
    expect(qbr("2025-02-10T10:00:00Z", "2025-05-01T10:00:00Z")).toMatchObject({ interval: "quarterly", dueOn: "2025-06-30", status: "ok" });
    expect(qbr("2025-02-10T10:00:00Z", "2025-06-25T10:00:00Z")).toMatchObject({ daysUntilDue: 5, status: "due_soon" });
  });
  it("is overdue from the end of a quarter that passed without one", () => {
    expect(qbr("2024-11-20T10:00:00Z", "2025-04-05T10:00:00Z")).toMatchObject({ dueOn: "2025-03-31", daysOverdue: 5, status: "overdue" });
  });
  it("places a QBR held late on 31 March in Berlin in the second quarter", () => {
    expect(qbr("2025-03-31T22:30:00Z", "2025-04-02T10:00:00Z").dueOn).toBe("2025-09-30");
  });
  it("makes a growth account's business review due by the end of the next half-year", () => {
    const [, review] = assessCadence({
      policy: DEFAULT_CADENCE_POLICIES.growth,
      lastAt: { visit: at("2025-03-01"), qbr: at("2025-03-15T10:00:00Z") },
      startedAt: at("2020-01-01"),
      now: at("2025-04-01T10:00:00Z"),
      timeZone: BERLIN,
    });
    expect(review).toMatchObject({ kind: "qbr", interval: "half_yearly", dueOn: "2025-12-31", status: "ok" });
  });
});

describe("assessCadence: accounts never met", () => {
  it("gives a new account one interval from its start and says it was never met", () => {
    const dues = assessCadence({ policy: strategic, lastAt: { visit: null }, startedAt: at("2025-01-10T10:00:00Z"), now: at("2025-02-20T10:00:00Z"), timeZone: BERLIN });
    expect(dues).toEqual([
      { kind: "visit", interval: 30, lastAt: null, dueOn: "2025-02-09", daysUntilDue: -11, daysOverdue: 11, status: "never_met" },
      { kind: "executive_meeting", interval: 90, lastAt: null, dueOn: "2025-04-10", daysUntilDue: 49, daysOverdue: 0, status: "never_met" },
      { kind: "qbr", interval: "quarterly", lastAt: null, dueOn: "2025-06-30", daysUntilDue: 130, daysOverdue: 0, status: "never_met" },
    ]);
  });
  it("leaves out what the policy does not plan", () => {
    const dues = assessCadence({ policy: DEFAULT_CADENCE_POLICIES.standard, lastAt: {}, startedAt: at("2025-01-01"), now: at("2025-02-01"), timeZone: BERLIN });
    expect(dues.map((d) => d.kind)).toEqual(["visit"]);
  });
  it("refuses an invalid start or zone", () => {
    expect(() => assessCadence({ policy: strategic, lastAt: {}, startedAt: new Date(Number.NaN), now: at("2025-02-01"), timeZone: BERLIN })).toThrow(RangeError);
    expect(() => assessCadence({ policy: strategic, lastAt: {}, startedAt: at("2025-01-01"), now: at("2025-02-01"), timeZone: "Berlin" })).toThrow(RangeError);
  });
});

describe("assessCadence: properties", () => {
  const instant = fc.date({ min: new Date("2015-01-01"), max: new Date("2035-01-01"), noInvalidDate: true });
  const interval = fc.oneof(fc.integer({ min: 1, max: 400 }), fc.constantFrom("quarterly" as const, "half_yearly" as const));
  const zone = fc.constantFrom("Europe/Berlin", "America/New_York", "UTC", "Asia/Tokyo", "Pacific/Auckland");

  it("keeps due days, overdue days and status consistent with today", () => {
    fc.assert(
      fc.property(instant, instant, interval, zone, fc.integer({ min: 0, max: 30 }), (last, now, visit, timeZone, dueSoonDays) => {
        const [due] = assessCadence({ policy: { visit, executive_meeting: null, qbr: null }, lastAt: { visit: last }, startedAt: at("2010-01-01"), now, timeZone, dueSoonDays });
        const today = zonedDateOf(now, timeZone);
        expect(due!.daysUntilDue).toBe(daysBetweenIsoDates(today, due!.dueOn));
        expect(due!.daysOverdue).toBe(Math.max(0, -due!.daysUntilDue));
        expect(due!.dueOn > zonedDateOf(last, timeZone)).toBe(true);
        const expected = due!.daysOverdue > 0 ? "overdue" : due!.daysUntilDue <= dueSoonDays ? "due_soon" : "ok";
        expect(due!.status).toBe(expected);
      }),
    );
  });
  it("never brings the due day forward when the last occurrence moves later", () => {
    fc.assert(
      fc.property(instant, instant, interval, zone, (a, b, visit, timeZone) => {
        const [earlier, later] = a <= b ? [a, b] : [b, a];
        const dueOn = (last: Date) =>
          assessCadence({ policy: { visit, executive_meeting: null, qbr: null }, lastAt: { visit: last }, startedAt: at("2010-01-01"), now: later, timeZone })[0]!.dueOn;
        expect(dueOn(earlier) <= dueOn(later)).toBe(true);
      }),
    );
  });
});

describe("buildWeekAgenda", () => {
  const accounts: CadenceAccount[] = [
    {
      accountId: "a-key",
      tier: "key",
      startedAt: at("2020-01-01"),
      lastAt: { visit: at("2025-02-02T10:00:00Z"), executive_meeting: at("2024-10-01T10:00:00Z"), qbr: at("2025-01-15T10:00:00Z") },
    },
    {
      accountId: "b-strategic",
      tier: "strategic",
      startedAt: at("2020-01-01"),
      lastAt: { visit: at("2025-03-04T10:00:00Z"), executive_meeting: at("2025-03-01T10:00:00Z"), qbr: at("2024-12-01T10:00:00Z") },
    },
    { accountId: "c-standard", tier: "standard", startedAt: at("2020-01-01"), lastAt: { visit: at("2024-09-01T10:00:00Z") } },
    {
      accountId: "d-growth",
      tier: "growth",
      override: { visit: 14 },
      startedAt: at("2020-01-01"),
      lastAt: { visit: at("2025-03-25T10:00:00Z"), qbr: at("2025-01-10T10:00:00Z") },
    },
  ];

  it("lists what falls due in the week and what is carried over, by due day then tier", () => {
    const agenda = buildWeekAgenda({ accounts, week: "2025-W14", now: at("2025-03-28T10:00:00Z"), timeZone: BERLIN });
    expect(agenda.map((i) => [i.accountId, i.kind, i.dueOn, i.status, i.carriedOver])).toEqual([
      ["c-standard", "visit", "2025-02-28", "overdue", true],
      ["a-key", "executive_meeting", "2025-03-30", "due_soon", true],
      ["b-strategic", "qbr", "2025-03-31", "due_soon", false],
      ["b-strategic", "visit", "2025-04-03", "due_soon", false],
      ["a-key", "visit", "2025-04-03", "due_soon", false],
    ]);
    expect(agenda[0]).toMatchObject({ tier: "standard", daysOverdue: 28 });
  });
  it("does not depend on the order of the accounts", () => {
    const forward = buildWeekAgenda({ accounts, week: "2025-W14", now: at("2025-03-28T10:00:00Z"), timeZone: BERLIN });
    const backward = buildWeekAgenda({ accounts: [...accounts].reverse(), week: "2025-W14", now: at("2025-03-28T10:00:00Z"), timeZone: BERLIN });
    expect(backward).toEqual(forward);
  });
  it("is empty when nothing is due and refuses a week that does not exist", () => {
    expect(buildWeekAgenda({ accounts: [], week: "2025-W14", now: at("2025-03-28"), timeZone: BERLIN })).toEqual([]);
    expect(() => buildWeekAgenda({ accounts, week: "2025-W54", now: at("2025-03-28"), timeZone: BERLIN })).toThrow(RangeError);
  });
});
