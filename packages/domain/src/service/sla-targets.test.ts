import { describe, expect, it } from "vitest";
import { ACCOUNT_TIERS } from "../enums/index";
import { DEFAULT_SLA_TARGETS, SLA_PRIORITIES, resolveSlaTarget, type SlaPriority } from "./sla-targets";

describe("DEFAULT_SLA_TARGETS", () => {
  it("answers a strategic P1 around the clock within two hours", () => {
    expect(resolveSlaTarget("strategic", "P1")).toEqual({ firstResponseMinutes: 120, resolutionMinutes: 1440, businessHours: false });
  });
  it("counts every other target in business hours", () => {
    for (const tier of ACCOUNT_TIERS) {
      for (const priority of SLA_PRIORITIES) {
        expect(DEFAULT_SLA_TARGETS[tier][priority].businessHours).toBe(tier !== "strategic" || priority !== "P1");
      }
    }
  });
  it("loosens from P1 to P4 within a tier and from strategic to standard for a priority, and responds before it resolves", () => {
    const businessHourTargets = (priority: SlaPriority) => ACCOUNT_TIERS.map((tier) => DEFAULT_SLA_TARGETS[tier][priority]).filter((t) => t.businessHours);
    for (const priority of SLA_PRIORITIES) {
      const targets = businessHourTargets(priority);
      for (let i = 1; i < targets.length; i++) {
        expect(targets[i]!.firstResponseMinutes).toBeGreaterThanOrEqual(targets[i - 1]!.firstResponseMinutes);
        expect(targets[i]!.resolutionMinutes).toBeGreaterThanOrEqual(targets[i - 1]!.resolutionMinutes);
      }
    }
    for (const tier of ACCOUNT_TIERS) {
      const targets = SLA_PRIORITIES.map((p) => DEFAULT_SLA_TARGETS[tier][p]).filter((t) => t.businessHours);
      for (let i = 1; i < targets.length; i++) {
        expect(targets[i]!.firstResponseMinutes).toBeGreaterThanOrEqual(targets[i - 1]!.firstResponseMinutes);
        expect(targets[i]!.resolutionMinutes).toBeGreaterThanOrEqual(targets[i - 1]!.resolutionMinutes);
      }
      targets.forEach((t) => expect(t.firstResponseMinutes).toBeLessThan(t.resolutionMinutes));
    }
  });
});

describe("resolveSlaTarget", () => {
  it("applies an organization's overrides field by field", () => {
    const overrides = { key: { P1: { firstResponseMinutes: 30 } }, strategic: { P1: { businessHours: true } } };
    expect(resolveSlaTarget("key", "P1", overrides)).toEqual({ firstResponseMinutes: 30, resolutionMinutes: 540, businessHours: true });
    expect(resolveSlaTarget("strategic", "P1", overrides)).toEqual({ firstResponseMinutes: 120, resolutionMinutes: 1440, businessHours: true });
    expect(resolveSlaTarget("key", "P2", overrides)).toEqual(DEFAULT_SLA_TARGETS.key.P2);
  });
  it("refuses targets that are not a positive number of minutes, and unknown tiers or priorities", () => {
    expect(() => resolveSlaTarget("key", "P1", { key: { P1: { resolutionMinutes: 0 } } })).toThrow(/key P1: resolutionMinutes must be a positive number/);
    expect(() => resolveSlaTarget("key", "P1", { key: { P1: { firstResponseMinutes: Number.NaN } } })).toThrow(RangeError);
    expect(() => resolveSlaTarget("key", "P5" as SlaPriority)).toThrow(RangeError);
  });
});
