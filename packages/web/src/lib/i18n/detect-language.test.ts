import { describe, expect, it } from "vitest";
import { languageFromBrowser, pickLanguage } from "./detect-language";

describe("language detection", () => {
  it("reads any Chinese variant as 简体中文 and everything else as English", () => {
    expect(languageFromBrowser(["zh-CN", "en"])).toBe("zh-CN");
    expect(languageFromBrowser(["zh"])).toBe("zh-CN");
    expect(languageFromBrowser(["zh-Hant-TW"])).toBe("zh-CN");
    expect(languageFromBrowser(["ZH-sg"])).toBe("zh-CN");
    expect(languageFromBrowser(["en-US", "zh-CN"])).toBe("en");
    expect(languageFromBrowser(["de-DE"])).toBe("en");
    expect(languageFromBrowser(["zhx"])).toBe("en");
    expect(languageFromBrowser([])).toBe("en");
    expect(languageFromBrowser(["", "zh-CN"])).toBe("zh-CN");
  });

  it("prefers the user's saved choice, then this device's, then the browser's", () => {
    expect(pickLanguage({ userLocale: "en", stored: "zh-CN", browser: ["zh-CN"] })).toBe("en");
    expect(pickLanguage({ userLocale: null, stored: "zh-CN", browser: ["en-US"] })).toBe("zh-CN");
    expect(pickLanguage({ userLocale: "fr", stored: "xx", browser: ["zh-TW"] })).toBe("zh-CN");
    expect(pickLanguage({ browser: ["en-GB"] })).toBe("en");
  });
});
