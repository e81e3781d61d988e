import type { TProgramme, TProgrammeGoal } from "@openkam/contracts";
import { goalProgress, type ProgrammeGoalKind } from "@openkam/domain";
import type { GoalRow, ProgrammeRow } from "./programme.repository";

export function presentProgramme(row: ProgrammeRow): TProgramme {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    startsOn: row.startsOn,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** The computed measures of the cohort, in percent; null when there is nothing to measure yet. */
export type Measures = Record<Exclude<ProgrammeGoalKind, "manual">, number | null>;

export function presentGoal(row: GoalRow, measures: Measures): TProgrammeGoal {
  const target = Number(row.target);
  const currentValue = row.kind === "manual" ? (row.manualValue === null ? null : Number(row.manualValue)) : measures[row.kind];
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    target,
    unit: row.kind === "manual" ? row.unit : "%",
    currentValue,
    ...goalProgress({ target, current: currentValue }),
    position: row.position,
    version: row.version,
  };
}

/** The goal as the audit trail keeps it: what was set, not what was measured at that moment. */
export function auditedGoal(row: GoalRow) {
  return { id: row.id, title: row.title, kind: row.kind, target: row.target, manualValue: row.manualValue, unit: row.unit, position: row.position, version: row.version };
}
