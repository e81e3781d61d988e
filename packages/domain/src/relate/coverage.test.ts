import { describe, expect, it } from "vitest";
import { assessStakeholderCoverage, type CoverageContact } from "./coverage";

const NOW = new Date("2025-06-30T12:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

function contact(overrides: Partial<CoverageContact> & { id: string }): CoverageContact {
  return { buyingRole: null, influence: null, attitude: null, lastMetAt: daysAgo(10), ownerUserIds: ["u1"], ...overrides };
}

const healthy = [
  contact({ id: "dm", buyingRole: "decision_maker", influence: 5, ownerUserIds: ["u1"] }),
  contact({ id: "champ", buyingRole: "champion", attitude: 2, ownerUserIds: ["u2"] }),
  contact({ id: "user", buyingRole: "user", influence: 2, lastMetAt: null }),
];

const codes = (contacts: CoverageContact[], extra: Partial<Parameters<typeof assessStakeholderCoverage>[0]> = {}) =>
  assessStakeholderCoverage({ contacts, now: NOW, ...extra }).map((w) => w.code);

describe("assessStakeholderCoverage", () => {
  it("has nothing to say about a well covered account", () => {
    expect(assessStakeholderCoverage({ contacts: healthy, now: NOW })).toEqual([]);
  });

  it("flags an account without contacts on every count that applies, in a fixed order", () => {
    expect(assessStakeholderCoverage({ contacts: [], now: NOW })).toEqual([
      { code: "no_decision_maker_contact", contactIds: [], userIds: [] },
      { code: "no_champion", contactIds: [], userIds: [] },
      { code: "single_threaded", contactIds: [], userIds: [] },
    ]);
  });

  it("lists the decision makers nobody has met", () => {
    const contacts = [contact({ id: "dm1", buyingRole: "decision_maker", lastMetAt: null }), contact({ id: "dm2", buyingRole: "decision_maker", lastMetAt: null }), ...healthy.slice(1)];
    const warnings = assessStakeholderCoverage({ contacts, now: NOW });
    expect(warnings).toContainEqual({ code: "no_decision_maker_contact", contactIds: ["dm1", "dm2"], userIds: [] });
    expect(warnings).toContainEqual({ code: "key_contact_not_met", contactIds: ["dm1", "dm2"], userIds: [] });
  });

  it("counts a decision maker met long ago as met at all, but not as recently met", () => {
    const contacts = [contact({ id: "dm", buyingRole: "decision_maker", lastMetAt: daysAgo(91) }), ...healthy.slice(1)];
    expect(codes(contacts)).toEqual(["key_contact_not_met"]);
  });

  it("treats a contact met exactly 90 days ago as met", () => {
    const contacts = [contact({ id: "dm", buyingRole: "decision_maker", lastMetAt: daysAgo(90) }), ...healthy.slice(1)];
    expect(codes(contacts)).toEqual([]);
  });

  it("flags influential contacts not met, whatever their role, from influence 4 on", () => {
    const contacts = [
      ...healthy,
      contact({ id: "inf4", buyingRole: "influencer", influence: 4, lastMetAt: daysAgo(120) }),
      contact({ id: "inf3", buyingRole: "influencer", influence: 3, lastMetAt: daysAgo(120) }),
      contact({ id: "gate5", buyingRole: "gatekeeper", influence: 5, lastMetAt: null }),
    ];
    expect(assessStakeholderCoverage({ contacts, now: NOW })).toEqual([{ code: "key_contact_not_met", contactIds: ["inf4", "gate5"], userIds: [] }]);
  });

  it("takes custom thresholds", () => {
    const contacts = [...healthy, contact({ id: "inf3", influence: 3, lastMetAt: daysAgo(40) })];
    expect(codes(contacts, { keyInfluence: 3 })).toEqual([]);
    expect(codes(contacts, { keyInfluence: 3, notMetDays: 30 })).toEqual(["key_contact_not_met"]);
  });

  it("does not count a champion who opposes us, but does count one not yet assessed", () => {
    const against = [healthy[0]!, contact({ id: "champ", buyingRole: "champion", attitude: -1, ownerUserIds: ["u2"] })];
    expect(assessStakeholderCoverage({ contacts: against, now: NOW })).toEqual([{ code: "no_champion", contactIds: ["champ"], userIds: [] }]);
    const unknown = [healthy[0]!, contact({ id: "champ", buyingRole: "champion", attitude: null, ownerUserIds: ["u2"] })];
    expect(codes(unknown)).toEqual([]);
  });

  it("flags an account whose contacts all hang on one of our people", () => {
    const contacts = healthy.map((c) => ({ ...c, ownerUserIds: ["u1"] }));
    expect(assessStakeholderCoverage({ contacts, now: NOW })).toEqual([{ code: "single_threaded", contactIds: ["dm", "champ", "user"], userIds: ["u1"] }]);
  });

  it("counts other colleagues in touch, each once", () => {
    const contacts = healthy.map((c) => ({ ...c, ownerUserIds: ["u1", "u1"] }));
    expect(codes(contacts, { usersInTouch: ["u1"] })).toEqual(["single_threaded"]);
    expect(codes(contacts, { usersInTouch: ["u7"] })).toEqual([]);
  });

  it("refuses influence and attitude outside their scales", () => {
    expect(() => codes([contact({ id: "x", influence: 6 })])).toThrow(/influence must be a whole number from 1 to 5/);
    expect(() => codes([contact({ id: "x", influence: 0 })])).toThrow(RangeError);
    expect(() => codes([contact({ id: "x", attitude: 3 })])).toThrow(/attitude/);
    expect(() => codes([contact({ id: "x", attitude: 0.5 })])).toThrow(RangeError);
    expect(() => codes(healthy, { notMetDays: -1 })).toThrow(RangeError);
  });
});
