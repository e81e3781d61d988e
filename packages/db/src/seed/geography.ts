/** Where the demo company's customers are: Chinese sales regions, then the rest of the world. */

export interface City {
  readonly zh: string;
  readonly pinyin: string;
}

export interface Country {
  readonly code: string;
  readonly currency: string;
  readonly phonePrefix: string;
  readonly emailTld: string;
  readonly legalSuffixes: readonly string[];
  readonly cities: readonly string[];
}

export interface Region {
  readonly name: string;
  /** Share of the accounts, in percent. */
  readonly share: number;
  readonly china: boolean;
  readonly cities: readonly City[];
  readonly countries: readonly Country[];
}

const city = (zh: string, pinyin: string): City => ({ zh, pinyin });

const CHINA: Country = {
  code: "CN", currency: "CNY", phonePrefix: "+86", emailTld: "com.cn",
  legalSuffixes: ["有限公司", "有限公司", "股份有限公司"], cities: [],
};

const country = (code: string, currency: string, phonePrefix: string, emailTld: string, legalSuffixes: string[], cities: string[]): Country =>
  ({ code, currency, phonePrefix, emailTld, legalSuffixes, cities });

export const REGIONS: readonly Region[] = [
  {
    name: "华东", share: 34, china: true, countries: [CHINA],
    cities: [city("上海", "Shanghai"), city("苏州", "Suzhou"), city("南京", "Nanjing"), city("杭州", "Hangzhou"), city("宁波", "Ningbo"),
      city("无锡", "Wuxi"), city("常州", "Changzhou"), city("合肥", "Hefei"), city("青岛", "Qingdao"), city("厦门", "Xiamen")],
  },
  {
    name: "华南", share: 18, china: true, countries: [CHINA],
    cities: [city("广州", "Guangzhou"), city("深圳", "Shenzhen"), city("东莞", "Dongguan"), city("佛山", "Foshan"), city("珠海", "Zhuhai"),
      city("中山", "Zhongshan"), city("南宁", "Nanning")],
  },
  {
    name: "华北", share: 16, china: true, countries: [CHINA],
    cities: [city("北京", "Beijing"), city("天津", "Tianjin"), city("石家庄", "Shijiazhuang"), city("太原", "Taiyuan"), city("唐山", "Tangshan"),
      city("保定", "Baoding")],
  },
  {
    name: "西南", share: 10, china: true, countries: [CHINA],
    cities: [city("成都", "Chengdu"), city("重庆", "Chongqing"), city("昆明", "Kunming"), city("贵阳", "Guiyang"), city("绵阳", "Mianyang")],
  },
  {
    name: "APAC", share: 8, china: false, cities: [],
    countries: [
      country("JP", "USD", "+81", "co.jp", ["Co., Ltd.", "K.K."], ["Tokyo", "Osaka", "Nagoya"]),
      country("KR", "USD", "+82", "co.kr", ["Co., Ltd."], ["Seoul", "Busan", "Incheon"]),
      country("SG", "USD", "+65", "com.sg", ["Pte. Ltd."], ["Singapore"]),
      country("AU", "USD", "+61", "com.au", ["Pty Ltd"], ["Sydney", "Melbourne", "Perth"]),
      country("IN", "USD", "+91", "co.in", ["Pvt. Ltd.", "Ltd."], ["Pune", "Chennai", "Bengaluru"]),
      country("TH", "USD", "+66", "co.th", ["Co., Ltd."], ["Bangkok", "Rayong"]),
      country("VN", "USD", "+84", "com.vn", ["JSC", "Co., Ltd."], ["Ho Chi Minh City", "Hanoi"]),
      country("MY", "USD", "+60", "com.my", ["Sdn. Bhd."], ["Penang", "Kuala Lumpur"]),
    ],
  },
  {
    name: "EMEA", share: 9, china: false, cities: [],
    countries: [
      country("DE", "EUR", "+49", "de", ["GmbH", "AG", "GmbH & Co. KG"], ["Stuttgart", "Munich", "Hamburg", "Düsseldorf"]),
      country("FR", "EUR", "+33", "fr", ["SAS", "SA"], ["Lyon", "Paris", "Toulouse"]),
      country("GB", "EUR", "+44", "co.uk", ["Ltd", "plc"], ["Manchester", "Birmingham", "London"]),
      country("NL", "EUR", "+31", "nl", ["B.V."], ["Rotterdam", "Eindhoven"]),
      country("IT", "EUR", "+39", "it", ["S.p.A.", "S.r.l."], ["Milan", "Turin", "Bologna"]),
      country("SE", "EUR", "+46", "se", ["AB"], ["Gothenburg", "Stockholm"]),
      country("CH", "EUR", "+41", "ch", ["AG"], ["Basel", "Zurich"]),
      country("AE", "USD", "+971", "ae", ["LLC", "FZE"], ["Dubai", "Abu Dhabi"]),
    ],
  },
  {
    name: "Americas", share: 5, china: false, cities: [],
    countries: [
      country("US", "USD", "+1", "com", ["Inc.", "LLC", "Corp."], ["Detroit", "Houston", "Chicago", "Atlanta"]),
      country("CA", "USD", "+1", "ca", ["Inc.", "Ltd."], ["Toronto", "Montreal"]),
      country("MX", "USD", "+52", "com.mx", ["S.A. de C.V."], ["Monterrey", "Querétaro"]),
      country("BR", "USD", "+55", "com.br", ["Ltda.", "S.A."], ["São Paulo", "Curitiba"]),
    ],
  },
];

export const CHINA_COUNTRY = CHINA;

export const INDUSTRIES = [
  "manufacturing", "automotive", "logistics", "retail", "healthcare", "energy", "technology", "finance", "chemicals", "food_beverage",
] as const;
export type Industry = (typeof INDUSTRIES)[number];

/** Share of the accounts per industry, in percent: an industrial supplier's customer base. */
export const INDUSTRY_SHARES: Readonly<Record<Industry, number>> = {
  manufacturing: 24, automotive: 14, logistics: 10, retail: 8, healthcare: 9, energy: 10, technology: 10, finance: 4, chemicals: 6,
  food_beverage: 5,
};
