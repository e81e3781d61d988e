import type { TCadenceOverrides, TPutAccountCadenceRequest } from "@openkam/contracts";
import { CADENCE_KINDS, type CadenceKind } from "./cadence-format";

/** The longest interval the API accepts (MAX_CADENCE_INTERVAL_DAYS in the contracts): ten years. */
export const MAX_INTERVAL_DAYS = 3660;

export const OVERRIDE_MODES = ["inherit", "days", "quarterly", "half_yearly", "off"] as const;
export type OverrideMode = (typeof OVERRIDE_MODES)[number];

/** One kind in the form; the days stay "" while the field is empty. */
export interface OverrideValue {
  mode: OverrideMode;
  days: number | "";
}
export type OverrideValues = Record<CadenceKind, OverrideValue>;

/**
 * One kind's setting as a single comparable value. "inherit" and "off" must stay distinct,
 * which undefined and null would not be for the conflict helpers (they treat both as empty).
 */
export type OverrideSetting = "inherit" | "off" | "quarterly" | "half_yearly" | number;
export type OverrideSettings = Record<CadenceKind, OverrideSetting>;

export type OverrideError = "required" | "daysRange";

export function overrideSettings(overrides: TCadenceOverrides): OverrideSettings {
  const settings = {} as OverrideSettings;
  for (const kind of CADENCE_KINDS) {
    const interval = overrides[kind];
    settings[kind] = interval === undefined ? "inherit" : interval === null ? "off" : interval;
  }
  return settings;
}

export function overrideValues(overrides: TCadenceOverrides): OverrideValues {
  const settings = overrideSettings(overrides);
  const values = {} as OverrideValues;
  for (const kind of CADENCE_KINDS) {
    const setting = settings[kind];
    values[kind] = typeof setting === "number" ? { mode: "days", days: setting } : { mode: setting, days: "" };
  }
  return values;
}

/** The checks the browser can make before sending; the server checks them again. */
export function validateOverrides(values: OverrideValues): Partial<Record<CadenceKind, OverrideError>> {
  const errors: Partial<Record<CadenceKind, OverrideError>> = {};
  for (const kind of CADENCE_KINDS) {
    const { mode, days } = values[kind];
    if (mode !== "days") continue;
    if (days === "") errors[kind] = "required";
    else if (!Number.isInteger(days) || days < 1 || days > MAX_INTERVAL_DAYS) errors[kind] = "daysRange";
  }
  return errors;
}

/** The form's values as settings; call after validateOverrides found nothing. */
export function settingsOfValues(values: OverrideValues): OverrideSettings {
  const settings = {} as OverrideSettings;
  for (const kind of CADENCE_KINDS) {
    const { mode, days } = values[kind];
    settings[kind] = mode === "days" ? Number(days) : mode;
  }
  return settings;
}

/** The PUT body: a kind left to its tier is left out, since the request replaces all of the account's overrides. */
export function overridesRequest(settings: OverrideSettings, version: number): TPutAccountCadenceRequest {
  const body: TPutAccountCadenceRequest = { version };
  for (const kind of CADENCE_KINDS) {
    const setting = settings[kind];
    if (setting === "inherit") continue;
    body[kind] = setting === "off" ? null : setting;
  }
  return body;
}
