import {
  ACCOUNT_TIERS,
  assessCadence,
  buildWeekAgenda,
  CADENCE_KINDS,
  isoWeekOf,
  resolveCadencePolicy,
  zonedDateOf,
  type CadenceInterval,
  type CadenceKind,
  type CadencePolicyOverride,
} from "@openkam/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCadenceAssessor, type AccountCadenceFacts } from "./cadence.assessor";

const instant = fc.date({ min: new Date("2018-01-01"), max: new Date("2030-12-31"), noInvalidDate: true });
const zone = fc.constantFrom("Europe/Berlin", "America/New_York", "Asia/Shanghai", "Pacific/Auckland", "UTC");
const interval: fc.Arbitrary<CadenceInterval | null> = fc.oneof(fc.integer({ min: 1, max: 400 }), fc.constantFrom("quarterly" as const, "half_yearly" as const, null));
const override: fc.Arbitrary<CadencePolicyOverride> = fc.record(
  Object.fromEntries(CADENCE_KINDS.map((kind) => [kind, interval])) as Record<CadenceKind, fc.Arbitrary<CadenceInterval | null>>,
  { requiredKeys: [] },
);

/** An account with its real instants, and the facts the database would hand over for it (dates in the zone). */
const account = (id: number) =>
  fc.record({
    tier: fc.constantFrom(...ACCOUNT_TIERS),
    override,
    startedAt: instant,
    lastAt: fc.record(Object.fromEntries(CADENCE_KINDS.map((kind) => [kind, instant])) as Record<CadenceKind, fc.Arbitrary<Date>>, { requiredKeys: [] }),
  }).map((a) => ({ ...a, accountId: `a${id}` }));

function factsOf(a: { accountId: string; tier: AccountCadenceFacts["tier"]; override: CadencePolicyOverride; startedAt: Date; lastAt: Partial<Record<CadenceKind, Date>> }, timeZone: string): AccountCadenceFacts {
  return {
    accountId: a.accountId,
    tier: a.tier,
    override: a.override,
    startedOn: zonedDateOf(a.startedAt, timeZone),
    last: Object.fromEntries(Object.entries(a.lastAt).map(([kind, at]) => [kind, { at: at.toISOString(), on: zonedDateOf(at, timeZone) }])),
  };
}

describe("the cadence assessor", () => {
  it("says what assessCadence says with the real instants and zone", () => {
    fc.assert(
      fc.property(fc.array(account(0), { minLength: 1, maxLength: 5 }), instant, zone, (accounts, now, timeZone) => {
        const assessor = createCadenceAssessor({ today: zonedDateOf(now, timeZone) });
        for (const a of accounts) {
          const expected = assessCadence({ policy: resolveCadencePolicy(a.tier, a.override), lastAt: a.lastAt, startedAt: a.startedAt, now, timeZone });
          expect(assessor.assess(factsOf(a, timeZone))).toEqual(expected);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("builds the agenda buildWeekAgenda builds, for the current week and the ones around it", () => {
    fc.assert(
      fc.property(fc.tuple(account(1), account(2), account(3)), instant, zone, fc.integer({ min: -2, max: 2 }), (accounts, now, timeZone, weeksAhead) => {
        const week = isoWeekOf(new Date(now.getTime() + weeksAhead * 7 * 86_400_000), timeZone);
        const expected = buildWeekAgenda({ accounts, week, now, timeZone });
        const assessor = createCadenceAssessor({ today: zonedDateOf(now, timeZone) });
        expect(assessor.agenda(accounts.map((a) => factsOf(a, timeZone)), week)).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  it("counts from the local date of the last visit and gives each account its own last interaction", () => {
    const assessor = createCadenceAssessor({ today: "2026-11-24" });
    const facts = (accountId: string, at: string): AccountCadenceFacts => ({
      accountId, tier: "standard", override: {}, startedOn: "2024-01-01", last: { visit: { at, on: "2026-05-01" } },
    });
    const [first] = assessor.assess(facts("a", "2026-04-30T23:30:00.000Z"));
    const [second] = assessor.assess(facts("b", "2026-05-01T08:00:00.000Z"));
    expect(first).toEqual({ kind: "visit", interval: 180, lastAt: new Date("2026-04-30T23:30:00.000Z"), dueOn: "2026-10-28", daysUntilDue: -27, daysOverdue: 27, status: "overdue" });
    expect(second).toEqual({ ...first, lastAt: new Date("2026-05-01T08:00:00.000Z") });
  });
});
