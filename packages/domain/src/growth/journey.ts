import { DEFAULT_JOURNEY_STAGES } from "./vocabulary";

export interface JourneyStageLike {
  key: string;
  name: string;
}

/** The stage names an account starts with, keyed by the default stage keys. */
export const defaultJourneyStages = (): JourneyStageLike[] => DEFAULT_JOURNEY_STAGES.map((key) => ({ key, name: key }));

/**
 * The problems of an edited stage list, empty when it is fine: stage keys must be unique, names
 * unique regardless of case and surrounding spaces, and there must be at least one stage.
 */
export function journeyStageProblems(stages: readonly JourneyStageLike[]): string[] {
  const problems: string[] = [];
  if (stages.length === 0) problems.push("A journey needs at least one stage");
  const keys = new Set<string>();
  const names = new Set<string>();
  for (const stage of stages) {
    if (keys.has(stage.key)) problems.push(`Stage key "${stage.key}" is used twice`);
    keys.add(stage.key);
    const name = stage.name.trim().toLowerCase();
    if (names.has(name)) problems.push(`Stage name "${stage.name.trim()}" is used twice`);
    names.add(name);
  }
  return problems;
}

/** Moves the stage at `from` to `to`, keeping the others in order; out-of-range moves change nothing. */
export function moveJourneyStage<T>(stages: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= stages.length || to < 0 || to >= stages.length || from === to) return [...stages];
  const next = [...stages];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved!);
  return next;
}

/** The pain points sorted for attention: most severe first, the list's order among equals. */
export function painPointsBySeverity<T extends { severity: number }>(painPoints: readonly T[]): T[] {
  return painPoints.map((p, i) => ({ p, i })).sort((a, b) => b.p.severity - a.p.severity || a.i - b.i).map(({ p }) => p);
}

/** A moment the customer meets us in a stage: a portal, a call, an invoice. */
export interface JourneyTouchpoint {
  id: string;
  name: string;
  channel: string | null;
}

/** Something that hurts the customer in a stage, 1 (irritation) to 5 (may make them leave). */
export interface JourneyPainPoint {
  id: string;
  description: string;
  severity: number;
}

/** What we will do about it; it may become a task (`taskId`). */
export interface JourneyAction {
  id: string;
  description: string;
  painPointId: string | null;
  dueDate: string | null;
  taskId: string | null;
}

export interface JourneyStage extends JourneyStageLike {
  touchpoints: JourneyTouchpoint[];
  painPoints: JourneyPainPoint[];
  actions: JourneyAction[];
}
