import type { TKpiValues, TProgrammeDashboard, TQbr, TScorecard } from "@openkam/contracts";
import type { AccountTier } from "@openkam/domain/enums/index";
import { parseQuarter, quarterOfDate, quartersUpTo, shiftQuarter } from "@openkam/domain/reports/index";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../../lib/api/client";

export type ReportLang = "zh-CN" | "en";
export const reportLang = (language: string): ReportLang => (language.startsWith("zh") ? "zh-CN" : "en");

/** The quarter of today in the browser's calendar; the server uses the organization's when none is asked for. */
export const currentQuarterKey = (now = new Date()) => quarterOfDate(now.toISOString().slice(0, 10)).key;

/** The quarters a review is usually held on: the current one and the seven before it, newest first. */
export function quarterChoices(now = new Date()): string[] {
  const current = quarterOfDate(now.toISOString().slice(0, 10));
  return quartersUpTo(current, 8).map((q) => q.key).reverse();
}

/** The last complete quarter: what a review looks back on by default. */
export const lastQuarterKey = (now = new Date()) => shiftQuarter(quarterOfDate(now.toISOString().slice(0, 10)), -1).key;

export function useQbr(accountId: string, quarter: string) {
  return useQuery({
    queryKey: ["reports", "qbr", accountId, quarter],
    queryFn: ({ signal }) => api.get<TQbr>(`/api/accounts/${accountId}/qbr`, { quarter }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export const qbrFileUrl = (accountId: string, quarter: string, lang: ReportLang, kind: "pdf" | "xlsx") =>
  `/api/accounts/${accountId}/qbr.${kind}?quarter=${encodeURIComponent(quarter)}&lang=${lang}`;

export function useProgrammeDashboard(quarter: string, tiers: readonly AccountTier[]) {
  return useQuery({
    queryKey: ["reports", "dashboard", quarter, tiers],
    queryFn: ({ signal }) => api.get<TProgrammeDashboard>("/api/programme/dashboard", { quarter, tier: tiers.length > 0 ? tiers : undefined }, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** The KPI library's values for the programme in the quarter (the KPI module's own endpoint, loaded beside the dashboard). */
export function useProgrammeKpis(quarter: string) {
  const q = parseQuarter(quarter);
  return useQuery({
    queryKey: ["reports", "programme-kpis", quarter],
    queryFn: ({ signal }) => api.get<TKpiValues>("/api/kpis/values", { subject: "programme", from: q?.from, to: q?.to }, { signal }),
    enabled: q !== null,
  });
}

export function useProgrammeScorecard(quarter: string) {
  return useQuery({
    queryKey: ["reports", "programme-scorecard", quarter],
    queryFn: ({ signal }) => api.get<TScorecard>("/api/scorecards/programme", { quarter }, { signal }),
  });
}
