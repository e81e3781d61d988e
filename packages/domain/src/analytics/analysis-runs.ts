/** The analyses a stored run can hold. */
export const ANALYSIS_KINDS = ["rfm", "pareto", "matrix", "clv", "forecast", "selection"] as const;
export type AnalysisKind = (typeof ANALYSIS_KINDS)[number];

export const ANALYSIS_RUN_STATUSES = ["queued", "running", "succeeded", "failed"] as const;
export type AnalysisRunStatus = (typeof ANALYSIS_RUN_STATUSES)[number];

/** A run covers the whole organization (directors, admins) or the accounts its creator works on (account managers). */
export const ANALYSIS_SCOPES = ["organization", "own_accounts"] as const;
export type AnalysisScope = (typeof ANALYSIS_SCOPES)[number];
