import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACCOUNT_TIERS } from "../enums/index";
import { MATRIX_QUADRANTS } from "../analytics/segmentation-matrix";
import { allocateEffort, effortGroupOf, interactionEffort, serviceLevel, type EffortAccountInput } from "./index";

const account = (id: string, over: Partial<EffortAccountInput>): EffortAccountInput => ({
  accountId: id, tier: "key", loggedMinutes: 0, estimatedMinutes: 0, revenue: 0, clv: null, quadrant: null, ...over,
});

describe("interactionEffort", () => {
  it("uses the recorded duration per participant, else the type's default marked estimated", () => {
    expect(interactionEffort({ type: "visit", durationMinutes: 45, participants: 2 })).toEqual({ minutes: 90, estimated: false });
    expect(interactionEffort({ type: "visit", durationMinutes: null, participants: 1 })).toEqual({ minutes: 120, estimated: true });
    expect(interactionEffort({ type: "qbr", durationMinutes: 0, participants: 3 })).toEqual({ minutes: 540, estimated: true });
    expect(interactionEffort({ type: "email", durationMinutes: null, participants: 0 })).toEqual({ minutes: 10, estimated: true });
  });
});

describe("serviceLevel", () => {
  const settings = { keySharePct: 70, overRatio: 1.5, underRatio: 0.5 };
  it("keeps the band inclusive and treats value-less accounts by their effort alone", () => {
    expect(serviceLevel(0.3, 0.2, settings)).toEqual({ ratio: 1.4999999999999998, service: "balanced" });
    expect(serviceLevel(0.31, 0.2, settings).service).toBe("over");
    expect(serviceLevel(0.1, 0.2, settings)).toEqual({ ratio: 0.5, service: "balanced" });
    expect(serviceLevel(0.09, 0.2, settings).service).toBe("under");
    expect(serviceLevel(0, 0.2, settings)).toEqual({ ratio: 0, service: "under" });
    expect(serviceLevel(0.1, 0, settings)).toEqual({ ratio: null, service: "over" });
    expect(serviceLevel(0, 0, settings)).toEqual({ ratio: null, service: "idle" });
  });
});

describe("allocateEffort", () => {
  // Four accounts, 1,000 minutes and 1,000 of revenue in all: hand-computed shares.
  const fixture = [
    account("a", { tier: "strategic", loggedMinutes: 500, estimatedMinutes: 100, revenue: 300, clv: 5000, quadrant: "strategic_partner" }),
    account("b", { tier: "key", loggedMinutes: 100, revenue: 500, quadrant: "cash_cow" }),
    account("c", { tier: "growth", estimatedMinutes: 200, revenue: 200, clv: 1000, quadrant: "problem_account" }),
    account("d", { tier: "standard", loggedMinutes: 100, revenue: -50 }),
  ];

  it("sets effort shares against revenue shares and lists over- and under-served accounts", () => {
    const r = allocateEffort(fixture);
    expect(r.totals).toEqual({ minutes: 1000, loggedMinutes: 700, estimatedMinutes: 300, value: 1000 });
    expect(r.accounts.map((a) => [a.accountId, a.totalMinutes, a.effortShare, a.valueShare, a.service])).toEqual([
      ["a", 600, 0.6, 0.3, "over"], // ratio 2
      ["b", 100, 0.1, 0.5, "under"], // ratio 0.2
      ["c", 200, 0.2, 0.2, "balanced"],
      ["d", 100, 0.1, 0, "over"], // a credit note leaves no value
    ]);
    expect(r.overServed.map((a) => a.accountId)).toEqual(["a", "d"]);
    expect(r.underServed.map((a) => a.accountId)).toEqual(["b"]);
  });

  it("totals by quadrant and splits key against growth effort against the target", () => {
    const r = allocateEffort(fixture);
    expect(r.quadrants.strategic_partner).toEqual({ accounts: 1, minutes: 600, effortShare: 0.6, value: 300, valueShare: 0.3 });
    expect(r.quadrants.unclassified).toEqual({ accounts: 1, minutes: 100, effortShare: 0.1, value: 0, valueShare: 0 });
    expect(r.quadrants.dog).toEqual({ accounts: 0, minutes: 0, effortShare: 0, value: 0, valueShare: 0 });
    // key 700, growth 200: 77.8 / 22.2 against 70 / 30.
    expect(r.split).toEqual({ keyMinutes: 700, growthMinutes: 200, otherMinutes: 100, keyPct: 77.8, growthPct: 22.2, targetKeyPct: 70, targetGrowthPct: 30, deviationPts: 7.8 });
  });

  it("measures value by CLV when asked and honours a configured band and target", () => {
    const r = allocateEffort(fixture, { basis: "clv", settings: { keySharePct: 80, overRatio: 2, underRatio: 0.1 } });
    expect(r.totals.value).toBe(6000);
    expect(r.accounts.map((a) => a.service)).toEqual(["balanced", "over", "balanced", "over"]); // c: 0.2 of effort against 1/6 of CLV
    expect(r.split.deviationPts).toBe(-2.2);
  });

  it("answers an empty period with zero shares and no split", () => {
    const r = allocateEffort([account("a", { revenue: 100 })]);
    expect(r.accounts[0]).toMatchObject({ effortShare: 0, valueShare: 1, ratio: 0, service: "under" });
    expect(r.split).toMatchObject({ keyPct: null, growthPct: null, deviationPts: null });
    expect(allocateEffort([]).overServed).toEqual([]);
  });

  it("groups tiers into key, growth and other", () => {
    expect(ACCOUNT_TIERS.map(effortGroupOf)).toEqual(["key", "key", "growth", "other"]);
  });

  it("keeps effort and value shares summing to 1 and the split to 100", () => {
    const arbAccount = fc.record({
      accountId: fc.uuid(),
      tier: fc.constantFrom(...ACCOUNT_TIERS),
      loggedMinutes: fc.integer({ min: 0, max: 100_000 }),
      estimatedMinutes: fc.integer({ min: 0, max: 100_000 }),
      revenue: fc.double({ min: -1e6, max: 1e9, noNaN: true }),
      clv: fc.option(fc.double({ min: 0, max: 1e9, noNaN: true })),
      quadrant: fc.option(fc.constantFrom(...MATRIX_QUADRANTS)),
    });
    fc.assert(fc.property(fc.array(arbAccount, { maxLength: 30 }), fc.constantFrom("revenue" as const, "clv" as const), (accounts, basis) => {
      const r = allocateEffort(accounts, { basis });
      const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
      if (r.totals.minutes > 0) {
        expect(sum(r.accounts.map((a) => a.effortShare))).toBeCloseTo(1, 9);
        expect(sum(Object.values(r.quadrants).map((q) => q.effortShare))).toBeCloseTo(1, 9);
      }
      if (r.totals.value > 0) expect(sum(r.accounts.map((a) => a.valueShare))).toBeCloseTo(1, 9);
      if (r.split.keyPct !== null) expect(r.split.keyPct + r.split.growthPct!).toBeCloseTo(100, 9);
      expect(r.split.keyMinutes + r.split.growthMinutes + r.split.otherMinutes).toBe(r.totals.minutes);
    }));
  });
});
