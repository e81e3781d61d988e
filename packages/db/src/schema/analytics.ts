import { ACCOUNT_TIERS, ANALYSIS_KINDS, ANALYSIS_RUN_STATUSES, ANALYSIS_SCOPES } from "@openkam/domain";
import { sql } from "drizzle-orm";
import { check, date, foreignKey, index, integer, json, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { bytea, oneOf, orgId } from "./columns";
import { organizations } from "./identity";

/**
 * One analysis over the orders (RFM, Pareto, matrix, CLV, forecast, key-account selection), kept as a
 * snapshot: its parameters with every default filled in, its date and its summary; the per-account
 * results are in analysis_result_blocks. It runs as a background job (job_id).
 */
export const analysisRuns = pgTable("analysis_runs", {
  orgId: orgId(),
  id: uuid("id").notNull(),
  kind: text("kind", { enum: ANALYSIS_KINDS }).notNull(),
  status: text("status", { enum: ANALYSIS_RUN_STATUSES }).notNull().default("queued"),
  asOf: date("as_of", { mode: "string" }).notNull(),
  parameters: jsonb("parameters").$type<Record<string, unknown>>().notNull(),
  /** organization, or own_accounts: only the accounts created_by works on (account managers). */
  scope: text("scope", { enum: ANALYSIS_SCOPES }).notNull(),
  /** The organization's currency when the run was made; every amount of the run is in it. */
  currency: text("currency").notNull(),
  createdBy: uuid("created_by").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  startedAt: timestamp("started_at", { withTimezone: true, mode: "date" }),
  finishedAt: timestamp("finished_at", { withTimezone: true, mode: "date" }),
  error: text("error"),
  accountCount: integer("account_count").notNull().default(0),
  summary: jsonb("summary").$type<Record<string, unknown>>(),
  /** The texts the run's stored figures refer to by their position here (a selection's account values). */
  resultTexts: text("result_texts").array(),
  jobId: uuid("job_id"),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
  index("analysis_runs_org_created_idx").on(t.orgId, t.createdAt, t.id),
  index("analysis_runs_org_kind_created_idx").on(t.orgId, t.kind, t.createdAt, t.id),
  check("analysis_runs_kind_check", oneOf("kind", ANALYSIS_KINDS)),
  check("analysis_runs_status_check", oneOf("status", ANALYSIS_RUN_STATUSES)),
  check("analysis_runs_scope_check", oneOf("scope", ANALYSIS_SCOPES)),
  check("analysis_runs_currency_check", sql`${t.currency} ~ '^[A-Z]{3}$'`),
]);

/**
 * A run's per-account results, stored by blocks of up to 128 accounts in account id order: each block holds, position
 * by position, the accounts' ids, groups (segment, class, quadrant, selected / not_selected), ranks (1 = first by the
 * kind's main figure, see the analytics docs) and figures: for RFM, Pareto, matrix and selection `figures`, the
 * accounts' float8 figures one after the other in the kind's layout (little-endian, the same number per account; a
 * selection's by its rule; the server's result-figures.ts knows the layouts), else `values`, a JSON array of objects. One
 * row per account and run made writing a run's results most of its time; a block is written, and read for a page, as
 * one row. The block that holds an account is the first whose last_account_id is at or after it. The figures, ids,
 * groups and ranks are compressed with lz4 where the server has it, uncompressed where not (set in the migrations).
 */
export const analysisResultBlocks = pgTable("analysis_result_blocks", {
  orgId: orgId(),
  runId: uuid("run_id").notNull(),
  lastAccountId: uuid("last_account_id").notNull(),
  accountIds: uuid("account_ids").array().notNull(),
  grps: text("grps").array().notNull(),
  ranks: integer("ranks").array().notNull(),
  values: json("values").$type<Array<Record<string, unknown>>>(),
  figures: bytea("figures"),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.runId, t.lastAccountId] }),
  foreignKey({ columns: [t.orgId, t.runId], foreignColumns: [analysisRuns.orgId, analysisRuns.id] }).onDelete("cascade"),
  check("analysis_result_blocks_lengths_check", sql`cardinality(${t.accountIds}) = cardinality(${t.grps}) and cardinality(${t.accountIds}) = cardinality(${t.ranks})`),
  check("analysis_result_blocks_figures_check", sql`(${t.values} is null) <> (${t.figures} is null) and (${t.figures} is null or length(${t.figures}) % (8 * greatest(cardinality(${t.accountIds}), 1)) = 0)`),
]);

/** Every change of an account's tier: who, when, from what to what, why, and the run it was based on. */
export const accountTierChanges = pgTable("account_tier_changes", {
  orgId: orgId(),
  id: uuid("id").notNull(),
  accountId: uuid("account_id").notNull(),
  fromTier: text("from_tier", { enum: ACCOUNT_TIERS }).notNull(),
  toTier: text("to_tier", { enum: ACCOUNT_TIERS }).notNull(),
  /** Null for a tier changed by a plain edit of the account. */
  reason: text("reason"),
  runId: uuid("run_id"),
  /** Null for system changes (command line). */
  changedBy: uuid("changed_by"),
  changedAt: timestamp("changed_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  foreignKey({ columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }),
  foreignKey({ columns: [t.orgId, t.runId], foreignColumns: [analysisRuns.orgId, analysisRuns.id] }),
  index("account_tier_changes_account_idx").on(t.orgId, t.accountId, t.changedAt.desc()),
  check("account_tier_changes_from_check", oneOf("from_tier", ACCOUNT_TIERS)),
  check("account_tier_changes_to_check", oneOf("to_tier", ACCOUNT_TIERS)),
  check("account_tier_changes_changed_check", sql`${t.fromTier} <> ${t.toTier}`),
]);
