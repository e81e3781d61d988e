import type { TPutScorecardConfigRequest, TScorecardConfigResponse } from "@openkam/contracts";
import type { Db } from "@openkam/db";
import { DEFAULT_SCORECARD_CONFIG, validateScorecardConfig, type ScorecardConfig } from "@openkam/domain";
import { AppError } from "../../http/app-error";
import { staleVersion, type ExpectedVersion } from "../../http/versioning";
import type { Scope } from "../../tenancy/scope";
import { recordAudit } from "../audit/audit.repository";
import { assertCanConfigureScorecard } from "./kpis.policy";
import * as repo from "./kpis.repository";

interface Options {
  db: Db;
  scope: Scope;
}

function present(row: repo.ScorecardConfigRow | undefined): TScorecardConfigResponse {
  if (!row) return { config: DEFAULT_SCORECARD_CONFIG, version: 0, isDefault: true, updatedAt: null, updatedBy: null };
  return { config: row.config, version: row.version, isDefault: false, updatedAt: row.createdAt.toISOString(), updatedBy: row.createdBy };
}

/** The configuration in force: the latest saved version, or the default. */
export async function getScorecardConfig({ db, scope }: Options): Promise<TScorecardConfigResponse> {
  return present(await repo.currentScorecardConfig(db, scope));
}

/** Orders the perspectives as the card shows them, whatever order they were sent in. */
function canonical(input: TPutScorecardConfigRequest): ScorecardConfig {
  const order = DEFAULT_SCORECARD_CONFIG.perspectives.map((p) => p.key);
  return {
    thresholds: input.thresholds,
    perspectives: [...input.perspectives].sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key))
      .map((p) => ({ key: p.key, weight: p.weight, kpis: p.kpis.map((k) => ({ key: k.key, target: k.target, weight: k.weight, tolerance: k.tolerance })) })),
  };
}

/**
 * Saves a new version of the configuration, checked by the domain's rules (one message per
 * field); the version read must be the current one (0 for the default), and the change is audited.
 */
export async function putScorecardConfig({ db, scope, input, expected }: Options & { input: TPutScorecardConfigRequest; expected: ExpectedVersion }) {
  assertCanConfigureScorecard(scope);
  const issues = validateScorecardConfig(input);
  if (issues.length > 0) throw new AppError("VALIDATION_FAILED", issues[0]!.message, { errors: issues });
  const config = canonical(input);
  return db.transaction(async (tx) => {
    const current = await repo.currentScorecardConfig(tx, scope, { forUpdate: true });
    const before = present(current);
    if (before.version !== expected.version) throw staleVersion(expected, before);
    const row = await repo.insertScorecardConfig(tx, scope, before.version + 1, config);
    if (!row) throw staleVersion(expected, before);
    const after = present(row);
    await recordAudit(tx, scope, { action: current ? "update" : "create", entityType: "scorecard_config", entityId: scope.orgId, before: before.config, after: { version: after.version, config } });
    return after;
  });
}
