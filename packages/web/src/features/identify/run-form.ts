import type { TCreateAnalysisRunRequest } from "@openkam/contracts";
import type { AnalysisKind } from "./identify.api";
import { parseNumber } from "./rule-tree";

/** The kinds the "New analysis" form starts; selection runs start from the rule builder. */
export const FORM_KINDS = ["matrix", "rfm", "pareto", "clv", "forecast"] as const satisfies readonly AnalysisKind[];
export type FormKind = (typeof FORM_KINDS)[number];

type Four = [string, string, string, string];
type Input = string | number;

/** The form as typed: numbers are text until submitted; shares and rates are typed in percent. */
export interface RunFormValues {
  kind: FormKind;
  /** "" = today (the server's default). */
  asOf: string;
  lookbackDays: Input;
  scoring: "quintiles" | "thresholds";
  recency: Four;
  frequency: Four;
  monetary: Four;
  /** Percent of revenue; A defaults to 80, B to 15. */
  cutoffA: Input;
  cutoffB: Input;
  /** Percent of total revenue; "" = the median. */
  contribution: Input;
  /** Growth-potential score 0–1; "" = the median. */
  growth: Input;
  /** "" = the as-of date. */
  calibrationEnd: string;
  timeUnit: "day" | "week" | "month";
  horizon: Input;
  /** Percent per time unit. */
  discountRate: Input;
  forecastHorizon: Input;
  holdout: Input;
}

export function defaultRunForm(kind: FormKind = "matrix"): RunFormValues {
  return {
    kind, asOf: "", lookbackDays: 365, scoring: "quintiles",
    recency: ["30", "90", "180", "365"], frequency: ["2", "4", "8", "16"], monetary: ["", "", "", ""],
    cutoffA: 80, cutoffB: 15, contribution: "", growth: "",
    calibrationEnd: "", timeUnit: "week", horizon: 52, discountRate: 1,
    forecastHorizon: 12, holdout: 6,
  };
}

/** Translation keys of what is wrong, by field ("recency.2" for the third recency threshold). */
export type RunFormErrors = Record<string, { key: string; values?: Record<string, number> }>;

const text = (v: Input) => String(v).trim();

function readNumber(errors: RunFormErrors, field: string, value: Input, { min, max, integer = false, optional = false }: { min: number; max: number; integer?: boolean; optional?: boolean }): number | undefined {
  if (text(value) === "") {
    if (!optional) errors[field] = { key: "identify.form.errors.required" };
    return undefined;
  }
  const n = parseNumber(text(value));
  if (n === null || (integer && !Number.isInteger(n)) || n < min || n > max) {
    errors[field] = { key: integer ? "identify.form.errors.integerRange" : "identify.form.errors.range", values: { min, max } };
    return undefined;
  }
  return n;
}

function readFour(errors: RunFormErrors, field: "recency" | "frequency" | "monetary", values: Four): [number, number, number, number] | undefined {
  const numbers = values.map((v, i) => readNumber(errors, `${field}.${i}`, v, { min: field === "monetary" ? -1e15 : 0, max: 1e15 }));
  if (numbers.some((n) => n === undefined)) return undefined;
  const [a, b, c, d] = numbers as [number, number, number, number];
  if (!(a < b && b < c && c < d)) {
    errors[field] = { key: "identify.form.errors.ascending" };
    return undefined;
  }
  return [a, b, c, d];
}

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/**
 * Checks the form and builds the request: only what the user changed from the defaults is left to the
 * server, everything typed is sent in the contract's units (shares and rates as fractions).
 */
export function buildRunRequest(values: RunFormValues): { request: TCreateAnalysisRunRequest | null; errors: RunFormErrors } {
  const errors: RunFormErrors = {};
  const asOf = values.asOf.trim();
  if (asOf && !isDate(asOf)) errors.asOf = { key: "identify.form.errors.date" };
  const base = asOf ? { asOf } : {};
  let request: TCreateAnalysisRunRequest | null = null;
  switch (values.kind) {
    case "rfm": {
      const lookbackDays = readNumber(errors, "lookbackDays", values.lookbackDays, { min: 1, max: 3650, integer: true });
      if (values.scoring === "thresholds") {
        const recency = readFour(errors, "recency", values.recency);
        const frequency = readFour(errors, "frequency", values.frequency);
        const monetary = readFour(errors, "monetary", values.monetary);
        if (recency && frequency && monetary) request = { kind: "rfm", ...base, parameters: { lookbackDays, scoring: { kind: "thresholds", recency, frequency, monetary } } };
      } else request = { kind: "rfm", ...base, parameters: { lookbackDays, scoring: { kind: "quintiles" } } };
      break;
    }
    case "pareto": {
      const lookbackDays = readNumber(errors, "lookbackDays", values.lookbackDays, { min: 1, max: 3650, integer: true });
      const a = readNumber(errors, "cutoffA", values.cutoffA, { min: 1, max: 100 });
      const b = readNumber(errors, "cutoffB", values.cutoffB, { min: 0, max: 99 });
      if (a !== undefined && b !== undefined && a + b > 100) errors.cutoffB = { key: "identify.form.errors.cutoffSum" };
      if (a !== undefined && b !== undefined) request = { kind: "pareto", ...base, parameters: { lookbackDays, cutoffs: { a: round(a / 100), b: round(b / 100) } } };
      break;
    }
    case "matrix": {
      const contribution = readNumber(errors, "contribution", values.contribution, { min: 0, max: 100, optional: true });
      const growth = readNumber(errors, "growth", values.growth, { min: 0, max: 1, optional: true });
      const thresholds = { ...(contribution === undefined ? {} : { contribution: round(contribution / 100) }), ...(growth === undefined ? {} : { growth }) };
      request = { kind: "matrix", ...base, parameters: Object.keys(thresholds).length ? { thresholds } : {} };
      break;
    }
    case "clv": {
      const calibrationEnd = values.calibrationEnd.trim();
      if (calibrationEnd && !isDate(calibrationEnd)) errors.calibrationEnd = { key: "identify.form.errors.date" };
      else if (calibrationEnd && asOf && calibrationEnd > asOf) errors.calibrationEnd = { key: "identify.form.errors.calibrationAfterAsOf" };
      const horizon = readNumber(errors, "horizon", values.horizon, { min: 1, max: 260, integer: true });
      const rate = readNumber(errors, "discountRate", values.discountRate, { min: 0, max: 100 });
      request = {
        kind: "clv", ...base,
        parameters: { ...(calibrationEnd ? { calibrationEnd } : {}), timeUnit: values.timeUnit, horizon, discountRate: rate === undefined ? undefined : round(rate / 100) },
      };
      break;
    }
    case "forecast": {
      const horizon = readNumber(errors, "forecastHorizon", values.forecastHorizon, { min: 1, max: 24, integer: true });
      const holdout = readNumber(errors, "holdout", values.holdout, { min: 0, max: 12, integer: true });
      request = { kind: "forecast", ...base, parameters: { horizon, holdout } };
      break;
    }
  }
  return Object.keys(errors).length ? { request: null, errors } : { request, errors };
}

/** Percent typed by people to the fraction the API takes, without 0.1 + 0.2 noise. */
const round = (value: number) => Math.round(value * 1e10) / 1e10;
