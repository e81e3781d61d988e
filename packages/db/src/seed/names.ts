import type { Industry } from "./geography";

/** Name material for the demo companies and people. Brands are invented; resemblance to real firms is unintended. */

export interface Brand {
  readonly zh: string;
  readonly pinyin: string;
}

const brands = (pairs: string): Brand[] =>
  pairs.trim().split(/\s+/).map((pair) => {
    const [zh, pinyin] = pair.split(":");
    return { zh: zh!, pinyin: pinyin! };
  });

export const CHINESE_BRANDS: readonly Brand[] = brands(`
  华信:Huaxin 恒通:Hengtong 金鹏:Jinpeng 宏达:Hongda 远航:Yuanhang 瑞丰:Ruifeng 天成:Tiancheng 鼎盛:Dingsheng 新元:Xinyuan
  永安:Yongan 嘉禾:Jiahe 海纳:Haina 博远:Boyuan 安泰:Antai 东润:Dongrun 华盛:Huasheng 康达:Kangda 凯旋:Kaixuan 联创:Lianchuang
  明德:Mingde 锦程:Jincheng 华丰:Huafeng 宏图:Hongtu 立信:Lixin 汇通:Huitong 顺捷:Shunjie 星辰:Xingchen 信诚:Xincheng
  鸿运:Hongyun 优创:Youchuang 卓越:Zhuoyue 精工:Jinggong 天润:Tianrun 德源:Deyuan 泰和:Taihe 和信:Hexin 润丰:Runfeng
  金桥:Jinqiao 华安:Huaan 中泰:Zhongtai 辰光:Chenguang 启明:Qiming 志远:Zhiyuan 思源:Siyuan 鑫达:Xinda 宝丰:Baofeng
  新锐:Xinrui 晨曦:Chenxi 方圆:Fangyuan 银河:Yinhe 浩川:Haochuan 蓝海:Lanhai 汇丰源:Huifengyuan 百川:Baichuan 龙腾:Longteng
  高远:Gaoyuan 同创:Tongchuang 恒昌:Hengchang 众诚:Zhongcheng 盛达:Shengda 越洋:Yueyang 泽宇:Zeyu 正和:Zhenghe 云帆:Yunfan
`);

export const ENGLISH_BRAND_HEADS = [
  "North", "Silver", "Blue", "Iron", "Summit", "Harbor", "Crescent", "Falcon", "Apex", "Meridian", "Ever", "Pinnacle", "Granite",
  "Atlas", "Orion", "Vertex", "Nordic", "Pacific", "Sterling", "Red", "Bright", "Clear", "Stone", "Oak", "Maple", "Coral", "Eagle",
  "Lake", "West", "East", "High", "Cedar",
] as const;

export const ENGLISH_BRAND_TAILS = [
  "wind", "line", "field", "gate", "bridge", "point", "ridge", "way", "works", "port", "wood", "crest", "stream", "haven", "vale",
  "mark", "view", "star", "rock", "bay",
] as const;

/** Fictional names borrowed from sample datasets, used for a few global groups. */
export const CLASSIC_BRANDS = ["Northwind", "Contoso", "Fabrikam", "Tailspin", "Litware", "Proseware", "Wingtip", "Woodgrove", "Coho", "Lucerne"] as const;

export interface BusinessTerm {
  readonly zh: string;
  readonly en: string;
}

const terms = (list: [string, string][]): BusinessTerm[] => list.map(([zh, en]) => ({ zh, en }));

export const BUSINESS_TERMS: Readonly<Record<Industry, readonly BusinessTerm[]>> = {
  manufacturing: terms([["精密机械", "Precision Machinery"], ["机械制造", "Machine Works"], ["模具", "Tooling"], ["装备制造", "Equipment"],
    ["五金制品", "Metal Products"], ["自动化设备", "Automation"]]),
  automotive: terms([["汽车零部件", "Automotive Components"], ["汽车电子", "Auto Electronics"], ["车桥", "Axle Systems"],
    ["汽车部件", "Automotive Parts"], ["动力系统", "Powertrain"]]),
  logistics: terms([["物流", "Logistics"], ["供应链管理", "Supply Chain"], ["国际货运", "Freight"], ["仓储", "Warehousing"], ["冷链物流", "Cold Chain"]]),
  retail: terms([["商贸", "Trading"], ["百货", "Stores"], ["连锁超市", "Supermarkets"], ["零售", "Retail"], ["电子商务", "Commerce"]]),
  healthcare: terms([["医疗器械", "Medical Devices"], ["生物医药", "Biopharma"], ["医药", "Pharma"], ["医疗科技", "Health Tech"]]),
  energy: terms([["新能源", "New Energy"], ["电力设备", "Power Equipment"], ["能源科技", "Energy"], ["光伏", "Solar"], ["储能", "Energy Storage"]]),
  technology: terms([["信息技术", "Information Technology"], ["软件", "Software"], ["电子科技", "Electronics"], ["智能科技", "Smart Systems"],
    ["半导体", "Semiconductor"]]),
  finance: terms([["金融服务", "Financial Services"], ["融资租赁", "Leasing"], ["投资管理", "Capital"], ["保险经纪", "Insurance Services"]]),
  chemicals: terms([["化工", "Chemicals"], ["新材料", "Advanced Materials"], ["涂料", "Coatings"], ["塑胶", "Polymers"]]),
  food_beverage: terms([["食品", "Foods"], ["饮料", "Beverages"], ["乳业", "Dairy"], ["食品科技", "Food Technology"]]),
};

export interface ChinesePart {
  readonly zh: string;
  readonly pinyin: string;
}

const parts = (text: string): ChinesePart[] => brands(text).map((b) => ({ zh: b.zh, pinyin: b.pinyin.toLowerCase() }));

export const CHINESE_SURNAMES: readonly ChinesePart[] = parts(`
  王:Wang 李:Li 张:Zhang 刘:Liu 陈:Chen 杨:Yang 黄:Huang 赵:Zhao 吴:Wu 周:Zhou 徐:Xu 孙:Sun 马:Ma 朱:Zhu 胡:Hu 郭:Guo 何:He
  高:Gao 林:Lin 罗:Luo 郑:Zheng 梁:Liang 谢:Xie 宋:Song 唐:Tang 许:Xu 韩:Han 冯:Feng 邓:Deng 曹:Cao 彭:Peng 曾:Zeng 肖:Xiao
  田:Tian 董:Dong 袁:Yuan 潘:Pan 于:Yu 蒋:Jiang 蔡:Cai 余:Yu 杜:Du 叶:Ye 程:Cheng 魏:Wei 苏:Su 吕:Lv 丁:Ding 任:Ren 沈:Shen
`);

export const CHINESE_GIVEN_PARTS: readonly ChinesePart[] = parts(`
  伟:Wei 芳:Fang 娜:Na 敏:Min 静:Jing 丽:Li 强:Qiang 磊:Lei 军:Jun 洋:Yang 勇:Yong 艳:Yan 杰:Jie 娟:Juan 涛:Tao 明:Ming 超:Chao
  秀:Xiu 霞:Xia 平:Ping 刚:Gang 桂:Gui 华:Hua 建:Jian 国:Guo 文:Wen 辉:Hui 志:Zhi 红:Hong 海:Hai 鹏:Peng 宇:Yu 晨:Chen 浩:Hao
  婷:Ting 雪:Xue 琳:Lin 欣:Xin 博:Bo 睿:Rui 俊:Jun 凯:Kai 斌:Bin 慧:Hui 颖:Ying 峰:Feng 亮:Liang 晓:Xiao 佳:Jia 思:Si
`);

export const ENGLISH_FIRST_NAMES = [
  "James", "Mary", "Robert", "Patricia", "Michael", "Jennifer", "David", "Linda", "William", "Elizabeth", "Thomas", "Sarah", "Daniel",
  "Laura", "Matthew", "Emily", "Lukas", "Anna", "Jonas", "Sophie", "Pierre", "Claire", "Marco", "Giulia", "Erik", "Ingrid", "Hiroshi",
  "Yuki", "Min-jun", "Ji-woo", "Arjun", "Priya", "Wei Ming", "Siti", "Carlos", "Ana", "Rafael", "Isabela", "Oliver", "Charlotte",
] as const;

export const ENGLISH_LAST_NAMES = [
  "Smith", "Johnson", "Williams", "Brown", "Miller", "Davis", "Wilson", "Taylor", "Anderson", "Clark", "Müller", "Schmidt", "Fischer",
  "Weber", "Martin", "Bernard", "Dubois", "Rossi", "Bianchi", "Andersson", "Johansson", "de Vries", "Jansen", "Tanaka", "Suzuki",
  "Kim", "Park", "Sharma", "Patel", "Tan", "Lim", "Nguyen", "Silva", "Santos", "Hernández", "Walker", "Evans", "Baker",
] as const;

/** Lowercase ASCII for e-mail addresses: "Müller" → "muller", "de Vries" → "devries". */
export function asciiSlug(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "");
}
