import { describe, expect, it } from "vitest";
import { boardColumns, defaultReportPeriod, formatDuration, loopSteps } from "./feedback-view";

const units = { day: "d", hour: "h", lessThanHour: "< 1 h" };
const H = 3_600_000;

describe("feedback view helpers", () => {
  it("formats times in a state in days and hours", () => {
    expect(formatDuration(59 * 60_000, units)).toBe("< 1 h");
    expect(formatDuration(5 * H, units)).toBe("5 h");
    expect(formatDuration(24 * H, units)).toBe("1 d");
    expect(formatDuration(76 * H + 59 * 60_000, units)).toBe("3 d 4 h");
  });

  it("lays the loop out as steps behind, current and ahead, with the note of each state entered", () => {
    const steps = loopSteps({
      status: "planned",
      createdAt: "2026-01-01T00:00:00.000Z",
      timeInStateMs: { new: 2 * H, acknowledged: 30 * H, planned: 5 * H, done: 0, informed: 0, closed: 0 },
      transitions: [
        { id: "1", from: "new", to: "acknowledged", at: "2026-01-01T02:00:00.000Z", byUserId: null, byName: null, note: null },
        { id: "2", from: "acknowledged", to: "planned", at: "2026-01-02T08:00:00.000Z", byUserId: null, byName: null, note: "Ops will fix it" },
      ],
    });
    expect(steps.map((s) => [s.status, s.state, s.ms])).toEqual([
      ["new", "done", 2 * H], ["acknowledged", "done", 30 * H], ["planned", "current", 5 * H], ["done", "ahead", 0], ["informed", "ahead", 0], ["closed", "ahead", 0],
    ]);
    expect(steps[2]).toMatchObject({ enteredAt: "2026-01-02T08:00:00.000Z", note: "Ops will fix it" });
    expect(steps[0]!.enteredAt).toBe("2026-01-01T00:00:00.000Z");
  });

  it("marks a closed item's last step as done, puts items in their state's column and defaults the report to 90 days", () => {
    const steps = loopSteps({ status: "closed", createdAt: "2026-01-01T00:00:00.000Z", timeInStateMs: { new: 0, acknowledged: 0, planned: 0, done: 0, informed: 0, closed: 0 }, transitions: [] });
    expect(steps.every((s) => s.state === "done")).toBe(true);
    const columns = boardColumns([{ status: "new" as const, id: "a" }, { status: "closed" as const, id: "b" }, { status: "new" as const, id: "c" }]);
    expect(columns.map((c) => [c.status, c.items.map((i) => i.id)])).toEqual([["new", ["a", "c"]], ["acknowledged", []], ["planned", []], ["done", []], ["informed", []], ["closed", ["b"]]]);
    expect(defaultReportPeriod(new Date("2026-04-01T10:00:00Z"))).toEqual({ from: "2026-01-01", to: "2026-04-01" });
  });
});
