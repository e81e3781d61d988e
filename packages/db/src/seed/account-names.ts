import type { City, Country, Region } from "./geography";
import { asciiSlug, BUSINESS_TERMS, CHINESE_BRANDS, ENGLISH_BRAND_HEADS, ENGLISH_BRAND_TAILS, type Brand, type BusinessTerm } from "./names";
import type { Industry } from "./geography";
import type { Random } from "./random";
import type { Language } from "./vocabulary";

/** Where an account is: a Chinese city, or a foreign country and city. */
export interface Location {
  readonly region: Region;
  readonly country: Country;
  readonly city: City | null;
  readonly foreignCity: string | null;
}

/** A company brand: Chinese (with its pinyin) or English. */
export type CompanyBrand = { readonly kind: "zh"; readonly brand: Brand } | { readonly kind: "en"; readonly name: string };

export interface CompanyName {
  readonly name: string;
  /** The language its people write in: Chinese-located companies use Chinese titles. */
  readonly language: Language;
  readonly emailDomain: string;
}

export function pickLocation(rng: Random, region: Region): Location {
  const country = rng.pick(region.countries);
  if (region.china) return { region, country, city: rng.pick(region.cities), foreignCity: null };
  return { region, country, city: null, foreignCity: rng.pick(country.cities) };
}

export function randomBrand(rng: Random, china: boolean): CompanyBrand {
  if (china) return { kind: "zh", brand: rng.pick(CHINESE_BRANDS) };
  return { kind: "en", name: `${rng.pick(ENGLISH_BRAND_HEADS)}${rng.pick(ENGLISH_BRAND_TAILS)}` };
}

export const randomTerm = (rng: Random, industry: Industry): BusinessTerm => rng.pick(BUSINESS_TERMS[industry]);

const firstWord = (text: string) => asciiSlug(text.split(" ")[0] ?? text);

/**
 * A subsidiary or standalone company: "上海华信精密机械有限公司", "Northwind Logistics GmbH",
 * "Contoso Automotive (Suzhou) Co., Ltd." for a foreign firm's Chinese subsidiary,
 * "Huaxin Precision Machinery GmbH" for a Chinese firm abroad.
 */
export function companyName(rng: Random, brand: CompanyBrand, term: BusinessTerm, location: Location): CompanyName {
  const suffix = rng.pick(location.country.legalSuffixes);
  const tld = location.country.emailTld;
  if (brand.kind === "zh") {
    const slug = asciiSlug(brand.brand.pinyin);
    if (location.city) {
      return { name: `${location.city.zh}${brand.brand.zh}${term.zh}${suffix}`, language: "zh", emailDomain: `${slug}-${firstWord(term.en)}.${tld}` };
    }
    return { name: `${brand.brand.pinyin} ${term.en} ${suffix}`, language: "en", emailDomain: `${slug}.${tld}` };
  }
  const slug = asciiSlug(brand.name);
  if (location.city) {
    return { name: `${brand.name} ${term.en} (${location.city.pinyin}) Co., Ltd.`, language: "zh", emailDomain: `${slug}.com.cn` };
  }
  return { name: `${brand.name} ${term.en} ${suffix}`, language: "en", emailDomain: `${slug}.${tld}` };
}

/** The head of a global-account hierarchy: "华信精密机械集团有限公司", "Contoso Group AG". */
export function groupName(rng: Random, brand: CompanyBrand, term: BusinessTerm, location: Location): CompanyName {
  if (brand.kind === "zh") {
    return { name: `${brand.brand.zh}${term.zh}集团有限公司`, language: "zh", emailDomain: `${asciiSlug(brand.brand.pinyin)}-group.com.cn` };
  }
  const word = rng.pick(["Group", "Holding", "International"]);
  return {
    name: `${brand.name} ${word} ${rng.pick(location.country.legalSuffixes)}`,
    language: location.city ? "zh" : "en",
    emailDomain: `${asciiSlug(brand.name)}.${location.country.emailTld}`,
  };
}
