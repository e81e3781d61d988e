import { describe, expect, it } from "vitest";
import { initials } from "./initials";

describe("initials", () => {
  it("uses one character for Chinese names and two initials otherwise", () => {
    expect(initials("张敏")).toBe("敏");
    expect(initials("欧阳 娜娜")).toBe("娜");
    expect(initials("Sarah Miller")).toBe("SM");
    expect(initials("Jean-Luc de la Croix")).toBe("JC");
    expect(initials("demo")).toBe("D");
    expect(initials("  ")).toBe("?");
  });
});
