import type { TWeekAgendaItem } from "@openkam/contracts";
import { describe, expect, it } from "vitest";
import { cadenceStatusColor, daysMessage, dueMessage, groupAgenda, intervalMessage } from "./cadence-format";

describe("cadence wording", () => {
  it("names each kind of interval, a single day and a switched-off kind", () => {
    expect(intervalMessage(30)).toEqual({ key: "cadence.interval.everyDays", count: 30 });
    expect(intervalMessage(1)).toEqual({ key: "cadence.interval.everyDay" });
    expect(intervalMessage("quarterly")).toEqual({ key: "cadence.interval.quarterly" });
    expect(intervalMessage("half_yearly")).toEqual({ key: "cadence.interval.half_yearly" });
    expect(intervalMessage(null)).toEqual({ key: "cadence.interval.off" });
  });

  it("counts days in the singular only for one", () => {
    expect(daysMessage(1)).toEqual({ key: "cadence.days.one", count: 1 });
    expect(daysMessage(0).key).toBe("cadence.days.other");
    expect(daysMessage(12)).toEqual({ key: "cadence.days.other", count: 12 });
  });

  it("says when a contact is due, from today", () => {
    expect(dueMessage({ daysUntilDue: 0, daysOverdue: 0 }).key).toBe("cadence.due.today");
    expect(dueMessage({ daysUntilDue: 1, daysOverdue: 0 }).key).toBe("cadence.due.tomorrow");
    expect(dueMessage({ daysUntilDue: 5, daysOverdue: 0 })).toEqual({ key: "cadence.due.inDays", count: 5 });
    expect(dueMessage({ daysUntilDue: -1, daysOverdue: 1 }).key).toBe("cadence.due.overdueYesterday");
    expect(dueMessage({ daysUntilDue: -3, daysOverdue: 3 })).toEqual({ key: "cadence.due.overdueBy", count: 3 });
  });

  it("colours a never-met account grey during its grace and orange after", () => {
    expect(cadenceStatusColor({ status: "never_met", daysOverdue: 0 })).toBe("gray");
    expect(cadenceStatusColor({ status: "never_met", daysOverdue: 4 })).toBe("orange");
    expect(cadenceStatusColor({ status: "overdue", daysOverdue: 4 })).toBe("red");
    expect(cadenceStatusColor({ status: "due_soon", daysOverdue: 0 })).toBe("yellow");
    expect(cadenceStatusColor({ status: "ok", daysOverdue: 0 })).toBe("teal");
  });
});

describe("groupAgenda", () => {
  const item = (dueOn: string, extra: Partial<TWeekAgendaItem> = {}): TWeekAgendaItem => ({
    accountId: `a-${dueOn}`, accountName: "Acme", tier: "key", kind: "visit", interval: 30, lastAt: null,
    dueOn, daysUntilDue: 0, daysOverdue: 0, status: "due_soon", carriedOver: false, ...extra,
  });

  it("puts carried-over items first, most overdue on top, then each day in order", () => {
    const groups = groupAgenda([
      item("2026-02-20", { carriedOver: true, daysOverdue: 10 }),
      item("2026-02-10", { carriedOver: true, daysOverdue: 20 }),
      item("2026-03-05"),
      item("2026-03-03"),
      item("2026-03-05", { kind: "qbr" }),
    ]);
    expect(groups.map((g) => g.day)).toEqual(["carried", "2026-03-03", "2026-03-05"]);
    expect(groups[0]!.items.map((i) => i.daysOverdue)).toEqual([20, 10]);
    expect(groups[2]!.items.map((i) => i.kind)).toEqual(["visit", "qbr"]);
  });

  it("has no groups for an empty week", () => {
    expect(groupAgenda([])).toEqual([]);
  });
});
