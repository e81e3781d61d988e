import { describe, expect, it } from "vitest";
import { buildRunRequest, defaultRunForm } from "./run-form";

describe("buildRunRequest", () => {
  it("sends the defaults of each kind in the contract's units", () => {
    expect(buildRunRequest(defaultRunForm("matrix")).request).toEqual({ kind: "matrix", parameters: {} });
    expect(buildRunRequest(defaultRunForm("rfm")).request).toEqual({ kind: "rfm", parameters: { lookbackDays: 365, scoring: { kind: "quintiles" } } });
    expect(buildRunRequest(defaultRunForm("pareto")).request).toEqual({ kind: "pareto", parameters: { lookbackDays: 365, cutoffs: { a: 0.8, b: 0.15 } } });
    expect(buildRunRequest(defaultRunForm("clv")).request).toEqual({ kind: "clv", parameters: { timeUnit: "week", horizon: 52, discountRate: 0.01 } });
    expect(buildRunRequest(defaultRunForm("forecast")).request).toEqual({ kind: "forecast", parameters: { horizon: 12, holdout: 6 } });
  });

  it("turns percentages into fractions and keeps the as-of date", () => {
    const { request } = buildRunRequest({ ...defaultRunForm("matrix"), asOf: "2026-03-31", contribution: "2.5", growth: 0.6 });
    expect(request).toEqual({ kind: "matrix", asOf: "2026-03-31", parameters: { thresholds: { contribution: 0.025, growth: 0.6 } } });
    const pareto = buildRunRequest({ ...defaultRunForm("pareto"), cutoffA: 70, cutoffB: "20" }).request;
    expect(pareto).toMatchObject({ parameters: { cutoffs: { a: 0.7, b: 0.2 } } });
  });

  it("reports each invalid input with a message key and sends nothing", () => {
    const { request, errors } = buildRunRequest({ ...defaultRunForm("rfm"), asOf: "31.03.2026", lookbackDays: "0" });
    expect(request).toBeNull();
    expect(errors).toEqual({
      asOf: { key: "identify.form.errors.date" },
      lookbackDays: { key: "identify.form.errors.integerRange", values: { min: 1, max: 3650 } },
    });
    expect(buildRunRequest({ ...defaultRunForm("forecast"), forecastHorizon: 2.5, holdout: "" }).errors).toEqual({
      forecastHorizon: { key: "identify.form.errors.integerRange", values: { min: 1, max: 24 } },
      holdout: { key: "identify.form.errors.required" },
    });
  });

  it("requires A and B to stay within 100% of revenue", () => {
    expect(buildRunRequest({ ...defaultRunForm("pareto"), cutoffA: 90, cutoffB: 15 }).errors).toEqual({ cutoffB: { key: "identify.form.errors.cutoffSum" } });
  });

  it("checks RFM thresholds are numbers in ascending order", () => {
    const base = { ...defaultRunForm("rfm"), scoring: "thresholds" as const, monetary: ["1000", "5000", "20000", "100000"] as [string, string, string, string] };
    expect(buildRunRequest(base).request).toEqual({
      kind: "rfm",
      parameters: { lookbackDays: 365, scoring: { kind: "thresholds", recency: [30, 90, 180, 365], frequency: [2, 4, 8, 16], monetary: [1000, 5000, 20000, 100000] } },
    });
    expect(buildRunRequest({ ...base, frequency: ["2", "2", "8", "16"] }).errors).toEqual({ frequency: { key: "identify.form.errors.ascending" } });
    expect(buildRunRequest({ ...base, monetary: ["", "5000", "x", "1"] }).errors).toEqual({
      "monetary.0": { key: "identify.form.errors.required" },
      "monetary.2": { key: "identify.form.errors.range", values: { min: -1e15, max: 1e15 } },
    });
  });

  it("refuses a CLV calibration end after the as-of date", () => {
    const { errors } = buildRunRequest({ ...defaultRunForm("clv"), asOf: "2026-01-31", calibrationEnd: "2026-02-01" });
    expect(errors).toEqual({ calibrationEnd: { key: "identify.form.errors.calibrationAfterAsOf" } });
    const ok = buildRunRequest({ ...defaultRunForm("clv"), asOf: "2026-01-31", calibrationEnd: "2025-12-31", timeUnit: "month", discountRate: "0.5" });
    expect(ok.request).toEqual({ kind: "clv", asOf: "2026-01-31", parameters: { calibrationEnd: "2025-12-31", timeUnit: "month", horizon: 52, discountRate: 0.005 } });
  });
});
