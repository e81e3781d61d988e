import type { TListAccountsQuery, TViewState } from "@openkam/contracts";
import { ACCOUNT_STATUSES, ACCOUNT_TIERS, type AccountStatus, type AccountTier } from "@openkam/domain/enums/index";

export const ACCOUNT_COLUMNS = ["name", "tier", "status", "owner", "industry", "region", "country", "currency", "updatedAt", "createdAt"] as const;
export type AccountColumn = (typeof ACCOUNT_COLUMNS)[number];
export const DEFAULT_COLUMNS: AccountColumn[] = ["name", "tier", "status", "owner", "industry", "region", "updatedAt"];

export type AccountSort = TListAccountsQuery["sort"];
/** Typed against the contract both ways (a Record needs every key, no more), without pulling zod into the bundle. */
const SORTS: Record<AccountSort, true> = { name: true, "-name": true, updatedAt: true, "-updatedAt": true, createdAt: true, "-createdAt": true, tier: true, "-tier": true };
const isSort = (v: string | null | undefined): v is AccountSort => !!v && Object.hasOwn(SORTS, v);

/** Everything that defines what the accounts list shows; it lives in the URL so a list can be shared. */
export interface AccountListState {
  q: string;
  tier: AccountTier[];
  status: AccountStatus[];
  ownerUserId: string | null;
  region: string;
  industry: string;
  sort: AccountSort;
  columns: AccountColumn[];
}

const pick = <T extends string>(values: string[], allowed: readonly T[]): T[] => values.filter((v): v is T => (allowed as readonly string[]).includes(v));

export function readListState(params: URLSearchParams): AccountListState {
  const sort = params.get("sort");
  const columns = params.get("cols");
  return {
    q: params.get("q") ?? "",
    tier: pick(params.getAll("tier"), ACCOUNT_TIERS),
    status: pick(params.getAll("status"), ACCOUNT_STATUSES),
    ownerUserId: params.get("owner"),
    region: params.get("region") ?? "",
    industry: params.get("industry") ?? "",
    sort: isSort(sort) ? sort : "name",
    columns: columns ? withName(pick(columns.split(","), ACCOUNT_COLUMNS)) : DEFAULT_COLUMNS,
  };
}

/** The name column always shows: it is the link to the account. */
const withName = (columns: AccountColumn[]): AccountColumn[] => (columns.includes("name") ? columns : ["name", ...columns]);

export function writeListState(state: AccountListState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const t of state.tier) params.append("tier", t);
  for (const s of state.status) params.append("status", s);
  if (state.ownerUserId) params.set("owner", state.ownerUserId);
  if (state.region) params.set("region", state.region);
  if (state.industry) params.set("industry", state.industry);
  if (state.sort !== "name") params.set("sort", state.sort);
  if (state.columns.join(",") !== DEFAULT_COLUMNS.join(",")) params.set("cols", state.columns.join(","));
  return params;
}

/** The list endpoint's filters for a state (also used for the CSV export of the same view). */
export function toListQuery(state: AccountListState): Omit<TListAccountsQuery, "limit" | "cursor" | "deleted"> {
  return {
    sort: state.sort,
    ...(state.q.trim() ? { q: state.q.trim() } : {}),
    ...(state.tier.length ? { tier: state.tier } : {}),
    ...(state.status.length ? { status: state.status } : {}),
    ...(state.ownerUserId ? { ownerUserId: state.ownerUserId } : {}),
    ...(state.region.trim() ? { region: state.region.trim() } : {}),
    ...(state.industry.trim() ? { industry: state.industry.trim() } : {}),
  };
}

export function toViewState(state: AccountListState): TViewState {
  const filters: Record<string, string | string[]> = {};
  if (state.q) filters.q = state.q;
  if (state.tier.length) filters.tier = state.tier;
  if (state.status.length) filters.status = state.status;
  if (state.ownerUserId) filters.ownerUserId = state.ownerUserId;
  if (state.region) filters.region = state.region;
  if (state.industry) filters.industry = state.industry;
  return { filters, sort: state.sort, columns: state.columns };
}

export function fromViewState(view: TViewState): AccountListState {
  const f = view.filters;
  const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] ?? "" : v ?? "");
  return {
    q: one(f.q),
    tier: pick(list(f.tier), ACCOUNT_TIERS),
    status: pick(list(f.status), ACCOUNT_STATUSES),
    ownerUserId: one(f.ownerUserId) || null,
    region: one(f.region),
    industry: one(f.industry),
    sort: isSort(view.sort) ? view.sort : "name",
    columns: view.columns ? withName(pick(view.columns, ACCOUNT_COLUMNS)) : DEFAULT_COLUMNS,
  };
}

export const countFilters = (s: AccountListState) =>
  s.tier.length + s.status.length + (s.ownerUserId ? 1 : 0) + (s.region ? 1 : 0) + (s.industry ? 1 : 0);
