import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nameOrderKey } from "./name-order";

const sorted = (names: string[]) => [...names].sort((a, b) => (nameOrderKey(a) < nameOrderKey(b) ? -1 : nameOrderKey(a) > nameOrderKey(b) ? 1 : 0));

describe("the order of names", () => {
  it("puts Chinese names in pinyin order, reading each character in its context", () => {
    expect(sorted(["上海润丰", "北京天成", "重庆长安", "东莞天润", "阿里巴巴", "厦门航空", "中山百川", "广州宏达"]))
      .toEqual(["阿里巴巴", "北京天成", "重庆长安", "东莞天润", "广州宏达", "上海润丰", "厦门航空", "中山百川"]);
    expect(nameOrderKey("重庆银行")).toBe("chong qing yin hang");
    expect(nameOrderKey("长沙市长")).toBe("chang sha shi zhang");
  });

  it("interleaves Chinese and Latin names by their letters, ignoring case, accents and full-width forms", () => {
    expect(sorted(["Zeta GmbH", "阿里巴巴", "Acme Tools", "北京天成", "école Ltd", "Bolt Works", "ＡＢＣ"]))
      .toEqual(["阿里巴巴", "ＡＢＣ", "Acme Tools", "北京天成", "Bolt Works", "école Ltd", "Zeta GmbH"]);
    // Each syllable is a word: "a li ba ba" comes before "abc" as "a b" would.
    expect(nameOrderKey("阿里巴巴")).toBe("a li ba ba");
    expect(nameOrderKey("  Acme   Tools ")).toBe("acme tools");
    expect(nameOrderKey("Northwind (重庆) Co.")).toBe("northwind ( chong qing ) co.");
  });

  it("sorts ü after u, as a dictionary does", () => {
    expect(sorted(["吕氏", "陆氏", "罗氏"])).toEqual(["陆氏", "罗氏", "吕氏"]);
  });

  it("keeps a Latin name's key as its folded text, so that those keys match what the database would compute", () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(..."abcXYZ 019-.&'") }), (name) => {
      expect(nameOrderKey(name)).toBe(name.toLowerCase().replace(/\s+/g, " ").trim());
    }));
  });

  it("gives every name a key, and the same key for the same name", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), (name) => {
      const key = nameOrderKey(name);
      expect(typeof key).toBe("string");
      expect(nameOrderKey(name)).toBe(key);
    }));
  });
});
