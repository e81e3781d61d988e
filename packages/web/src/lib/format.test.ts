import { afterEach, describe, expect, it } from "vitest";
import { formatDate, formatMoney, formatPercent } from "./format";
import { i18n } from "./i18n/i18n";

describe("formatting", () => {
  afterEach(() => i18n.changeLanguage("en"));

  it("follows a language switch (formatters are reused per language, not across languages)", async () => {
    await i18n.changeLanguage("en");
    expect(formatDate("2026-03-05")).toBe("Mar 5, 2026");
    await i18n.changeLanguage("zh-CN");
    expect(formatDate("2026-03-05")).toBe("2026年3月5日");
    await i18n.changeLanguage("en");
    expect(formatDate("2026-03-05")).toBe("Mar 5, 2026");
  });

  it("formats money in its currency, and shows what it cannot format as it is", async () => {
    await i18n.changeLanguage("en");
    expect(formatMoney("1234.5", "EUR")).toBe("€1,234.50");
    expect(formatMoney("1234.5", "USD", { compact: true })).toBe("$1.2K");
    expect(formatMoney("12", "NOT-A-CODE")).toBe("12 NOT-A-CODE");
    expect(formatMoney(null, "EUR")).toBe("—");
    expect(formatPercent(12.345)).toBe("+12.3%");
    expect(formatPercent(-4)).toBe("-4%");
  });
});
