import { describe, expect, it } from "vitest";
import { sourceLink } from "./task-source";

const id = "0190a0b0-0000-7000-8000-000000000001";
const account = "0190a0b0-0000-7000-8000-000000000002";

describe("sourceLink", () => {
  it("leads back to the interaction, case, plan or journey a task was made from", () => {
    expect(sourceLink({ type: "interaction", id }, account)).toBe(`/interactions/${id}`);
    expect(sourceLink({ type: "case", id }, null)).toBe(`/cases/${id}`);
    expect(sourceLink({ type: "plan", id }, account)).toBe(`/accounts/${account}/plans/${id}`);
    expect(sourceLink({ type: "journey", id }, account)).toBe(`/accounts/${account}?tab=growth`);
  });

  it("falls back to the board when a plan or journey task has lost its account", () => {
    expect(sourceLink({ type: "plan", id }, null)).toBe("/tasks/board");
    expect(sourceLink({ type: "journey", id }, null)).toBe("/tasks/board");
  });
});
