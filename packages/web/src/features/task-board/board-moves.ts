import type { TTask } from "@openkam/contracts";
import { TASK_STATUSES } from "@openkam/domain/enums/index";

export type TaskStatus = (typeof TASK_STATUSES)[number];
export type Columns = Record<TaskStatus, TTask[]>;

/** Gap left between cards placed at an end of a column, so later moves still find room between neighbours. */
const STEP = 1024;

/**
 * A position between two neighbours (either may be missing: the top or the
 * bottom of a column). Positions are floats, so halving leaves room for about
 * fifty moves into the same gap; the server keeps whatever it is sent.
 */
export function positionBetween(before: number | undefined, after: number | undefined): number {
  if (before !== undefined && after !== undefined) return (before + after) / 2;
  if (before !== undefined) return before + STEP;
  if (after !== undefined) return after - STEP;
  return STEP;
}

export function groupByStatus(tasks: readonly TTask[]): Columns {
  const columns = Object.fromEntries(TASK_STATUSES.map((s) => [s, [] as TTask[]])) as Columns;
  for (const task of tasks) columns[task.status].push(task);
  for (const s of TASK_STATUSES) columns[s].sort((a, b) => a.position - b.position);
  return columns;
}

export interface Move {
  taskId: string;
  status: TaskStatus;
  position: number;
}

/**
 * Where a card lands when dropped in `status` at `index` (its index in that
 * column once it is there): its new status and a position between its new
 * neighbours. Null when it lands where it already is.
 */
export function computeMove(columns: Columns, taskId: string, status: TaskStatus, index: number): Move | null {
  const task = Object.values(columns).flat().find((t) => t.id === taskId);
  if (!task) return null;
  const others = columns[status].filter((t) => t.id !== taskId);
  const at = Math.max(0, Math.min(index, others.length));
  if (task.status === status && columns[status].findIndex((t) => t.id === taskId) === at) return null;
  return { taskId, status, position: positionBetween(others[at - 1]?.position, others[at]?.position) };
}

/** The board after a move (the optimistic picture shown until the server answers). */
export function applyMove(columns: Columns, move: Move): Columns {
  const task = Object.values(columns).flat().find((t) => t.id === move.taskId);
  if (!task) return columns;
  const moved: TTask = { ...task, status: move.status, position: move.position };
  const next = Object.fromEntries(TASK_STATUSES.map((s) => [s, columns[s].filter((t) => t.id !== move.taskId)])) as Columns;
  next[move.status] = [...next[move.status], moved].sort((a, b) => a.position - b.position);
  return next;
}

/**
 * Resolves a drop from the drag library: `overId` is a card or a column. On a
 * card, the dragged card takes that card's slot (as a sortable list shows it
 * while dragging); on a column, it goes to the end.
 */
export function dropTarget(columns: Columns, activeId: string, overId: string): { status: TaskStatus; index: number } | null {
  if ((TASK_STATUSES as readonly string[]).includes(overId)) {
    const status = overId as TaskStatus;
    return { status, index: columns[status].filter((t) => t.id !== activeId).length };
  }
  for (const status of TASK_STATUSES) {
    const index = columns[status].findIndex((t) => t.id === overId);
    if (index !== -1) return { status, index };
  }
  return null;
}
