import type { TTask } from "@openkam/contracts";
import { describe, expect, it } from "vitest";
import { applyMove, computeMove, dropTarget, groupByStatus, positionBetween } from "./board-moves";

const task = (id: string, status: TTask["status"], position: number): TTask => ({
  id, title: id, description: null, accountId: null, assigneeUserId: null, dueDate: null, status, priority: "medium", position,
  completedAt: null, createdBy: null, source: null, createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z", version: 1,
});

const board = () => groupByStatus([task("a", "todo", 1), task("b", "todo", 2), task("c", "todo", 3), task("x", "in_progress", 10), task("y", "in_progress", 20)]);
const ids = (tasks: TTask[]) => tasks.map((t) => t.id);

describe("task board moves", () => {
  it("places a card between its new neighbours, or past an end", () => {
    expect(positionBetween(1, 2)).toBe(1.5);
    expect(positionBetween(5, undefined)).toBe(5 + 1024);
    expect(positionBetween(undefined, 5)).toBe(5 - 1024);
    expect(positionBetween(undefined, undefined)).toBe(1024);
  });

  it("moves a card to another column: new status, position between the cards around it", () => {
    const columns = board();
    expect(computeMove(columns, "a", "in_progress", 1)).toEqual({ taskId: "a", status: "in_progress", position: 15 });
    expect(computeMove(columns, "a", "in_progress", 0)).toEqual({ taskId: "a", status: "in_progress", position: 10 - 1024 });
    expect(computeMove(columns, "a", "in_progress", 2)).toEqual({ taskId: "a", status: "in_progress", position: 20 + 1024 });
    expect(computeMove(columns, "a", "done", 0)).toEqual({ taskId: "a", status: "done", position: 1024 });
  });

  it("reorders within a column and ignores a drop where the card already is", () => {
    const columns = board();
    expect(computeMove(columns, "a", "todo", 0)).toBeNull();
    expect(computeMove(columns, "a", "todo", 2)).toEqual({ taskId: "a", status: "todo", position: 3 + 1024 });
    expect(computeMove(columns, "c", "todo", 0)).toEqual({ taskId: "c", status: "todo", position: 1 - 1024 });
    expect(computeMove(columns, "a", "todo", 1)).toEqual({ taskId: "a", status: "todo", position: 2.5 });
  });

  it("reads a drop on a card as taking its slot, and on a column as the end of it", () => {
    const columns = board();
    expect(dropTarget(columns, "a", "c")).toEqual({ status: "todo", index: 2 });
    expect(dropTarget(columns, "c", "a")).toEqual({ status: "todo", index: 0 });
    expect(dropTarget(columns, "a", "y")).toEqual({ status: "in_progress", index: 1 });
    expect(dropTarget(columns, "a", "blocked")).toEqual({ status: "blocked", index: 0 });
    expect(dropTarget(columns, "a", "todo")).toEqual({ status: "todo", index: 2 });
    expect(dropTarget(columns, "a", "nowhere")).toBeNull();
  });

  it("shows the moved card in its new place at once", () => {
    const moved = applyMove(board(), { taskId: "a", status: "in_progress", position: 15 });
    expect(ids(moved.todo)).toEqual(["b", "c"]);
    expect(ids(moved.in_progress)).toEqual(["x", "a", "y"]);
    expect(moved.in_progress[1]).toMatchObject({ status: "in_progress", position: 15 });
  });
});
