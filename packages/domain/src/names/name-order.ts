import { pinyin } from "pinyin-pro";

// Names are listed in the order a reader of either language expects: Latin letters without their accents and
// case, Chinese characters by their pinyin (重庆 under C, as chóng qìng, not under Z), interleaved — 阿里巴巴 among the
// A's. The key is computed here once per write and stored beside the name (`name_key`), because neither database
// engine can sort Chinese by pinyin: PGlite's ICU has no Chinese data, and its GB18030 conversion, the usual trick,
// does not work there. Keys compare byte by byte (`collate "C"`).

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;

/** Lower case, accents and full-width forms folded (É → e, Ａ → a), runs of white space as one space. */
function fold(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

/** The key a name sorts by: its words in lower case, each Chinese character as its pinyin syllable, a word of its own. */
export function nameOrderKey(name: string): string {
  const folded = fold(name);
  if (!HAN.test(folded)) return folded;
  let key = "";
  for (const { origin, pinyin: syllable, isZh } of pinyin(folded, { type: "all", toneType: "none" })) {
    // ü sorts after u in a dictionary (lu, luo, lü): v does too.
    key += isZh && syllable !== "" ? ` ${syllable.replace(/ü/g, "v")} ` : origin;
  }
  return key.replace(/\s+/g, " ").trim();
}
