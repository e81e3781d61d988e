import type { AccountSize, AccountStatus, AccountTier } from "@openkam/domain";
import { companyName, groupName, pickLocation, randomBrand, randomTerm, type CompanyBrand, type CompanyName, type Location } from "./account-names";
import { dayAt } from "./calendar";
import { regionOwner, userId } from "./demo-users";
import type { AccountPlan, DemoContext, Trend } from "./demo-types";
import { INDUSTRIES, INDUSTRY_SHARES, REGIONS, type Industry } from "./geography";
import { CLASSIC_BRANDS, type BusinessTerm } from "./names";
import { normalQuantile, type Random } from "./random";
import { ACCOUNT_TAGS } from "./vocabulary";
import { nameOrderKey } from "@openkam/domain/names/name-order";

/** Accounts at scale 1. */
export const BASE_ACCOUNTS = 300;
/** Shape of the lognormal account sizes: 1.6 puts about 78% of revenue in the top 20% of accounts. */
const SIZE_SIGMA = 1.6;

const TREND_WEIGHTS: readonly { value: Trend; weight: number }[] = [
  { value: "growing", weight: 30 }, { value: "stable", weight: 33 }, { value: "declining", weight: 18 },
  { value: "churned", weight: 8 }, { value: "new", weight: 8 }, { value: "prospect", weight: 3 },
];

interface Draft {
  weight: number;
  location: Location;
  industry: Industry;
  trend: Trend;
  growth: number;
  startDay: number;
  endDay: number;
  createdDay: number;
  group: { role: "parent" | "child"; brand: CompanyBrand; term: BusinessTerm; parent: Draft | null } | null;
  company?: CompanyName;
  tier?: AccountTier;
}

export const accountCount = (scale: number): number => Math.max(1, Math.round(BASE_ACCOUNTS * scale));

function drawTrend(rng: Random, weight: number, medianWeight: number): Trend {
  for (;;) {
    const trend = rng.weighted(TREND_WEIGHTS);
    if (trend !== "prospect" || weight < medianWeight) return trend;
  }
}

function drawHistory(rng: Random, ctx: DemoContext, trend: Trend): Pick<Draft, "growth" | "startDay" | "endDay" | "createdDay"> {
  const { asOfDay, windowStart } = ctx;
  const existing = Math.max(asOfDay - 5 * 365 + 200, windowStart - rng.int(30, 900));
  switch (trend) {
    case "growing":
      return { growth: rng.float(0.08, 0.45), startDay: windowStart, endDay: asOfDay, createdDay: existing };
    case "stable":
      return { growth: rng.float(-0.06, 0.08), startDay: windowStart, endDay: asOfDay, createdDay: existing };
    case "declining":
      return { growth: rng.float(-0.6, -0.12), startDay: windowStart, endDay: asOfDay, createdDay: existing };
    case "churned":
      return { growth: rng.float(-0.5, -0.05), startDay: windowStart, endDay: asOfDay - rng.int(90, 700), createdDay: existing };
    case "new": {
      const startDay = windowStart + rng.int(120, 3 * 365 - 150);
      return { growth: rng.float(0.3, 0.9), startDay, endDay: asOfDay, createdDay: startDay - rng.int(20, 120) };
    }
    case "prospect":
      return { growth: 0, startDay: asOfDay, endDay: asOfDay, createdDay: asOfDay - rng.int(10, 300) };
  }
}

/** Picks a few large accounts as heads of global hierarchies and gives each two to four subsidiaries. */
function formGroups(rng: Random, drafts: Draft[], scale: number): void {
  if (drafts.length < 6) return;
  const groupCount = Math.max(1, Math.round(6 * scale));
  const byWeight = [...drafts].sort((a, b) => b.weight - a.weight);
  const candidates = byWeight.slice(0, Math.max(groupCount, Math.ceil(drafts.length * 0.2))).filter((d) => d.trend !== "prospect" && d.trend !== "churned");
  const parents = rng.sample(candidates, groupCount);
  let free = rng.shuffle(drafts.filter((d) => !parents.includes(d) && d.trend !== "prospect"));
  parents.forEach((parent, i) => {
    const brand: CompanyBrand = parent.location.region.china
      ? randomBrand(rng, true)
      : { kind: "en", name: CLASSIC_BRANDS[i % CLASSIC_BRANDS.length]! };
    const term = randomTerm(rng, parent.industry);
    parent.group = { role: "parent", brand, term, parent: null };
    const children = free.slice(0, rng.int(2, 4));
    free = free.slice(children.length);
    for (const child of children) {
      child.industry = parent.industry;
      child.group = { role: "child", brand, term, parent };
    }
  });
}

function nameAll(rng: Random, drafts: readonly Draft[]): void {
  const taken = new Set<string>();
  for (const draft of drafts) {
    for (let attempt = 0; ; attempt++) {
      const g = draft.group;
      // A clash re-draws the location (children, groups) or the whole name (standalone companies).
      const location = attempt === 0 || g === null ? draft.location : pickLocation(rng, draft.location.region);
      const company = g?.role === "parent" && attempt < 5
        ? groupName(rng, g.brand, g.term, location)
        : companyName(rng, g?.brand ?? randomBrand(rng, location.region.china), g?.term ?? randomTerm(rng, draft.industry), location);
      if (!taken.has(company.name) || attempt > 50) {
        taken.add(company.name);
        draft.company = attempt > 50 ? { ...company, name: `${company.name} #${attempt}` } : company;
        draft.location = location;
        break;
      }
    }
  }
}

/** Business size rank → tier by expected revenue in the last year: ≈3% strategic, 10% key, 30% growth. */
function assignTiers(rng: Random, drafts: readonly Draft[], ctx: DemoContext): void {
  const lastYear = ctx.asOfDay - 365;
  const score = new Map<Draft, number>();
  for (const d of drafts) {
    const active = Math.max(0, Math.min(d.endDay, ctx.asOfDay) - Math.max(d.startDay, lastYear)) / 365;
    const years = (ctx.asOfDay - 182 - ctx.windowStart) / 365;
    score.set(d, d.weight * Math.exp(d.growth * years) * active * rng.lognormal(1, 0.2));
  }
  const ranked = [...drafts].sort((a, b) => score.get(b)! - score.get(a)!);
  const n = drafts.length;
  const strategic = n >= 5 ? Math.max(1, Math.round(n * 0.03)) : 0;
  const key = n >= 5 ? Math.max(1, Math.round(n * 0.1)) : 0;
  const growth = Math.round(n * 0.3);
  ranked.forEach((d, rank) => {
    d.tier = rank < strategic ? "strategic" : rank < strategic + key ? "key" : rank < strategic + key + growth ? "growth" : "standard";
    if (d.group?.role === "parent" && (d.tier === "growth" || d.tier === "standard")) d.tier = "key";
  });
}

function sizeOf(rank: number, n: number): AccountSize {
  const q = rank / n;
  return q < 0.08 ? "enterprise" : q < 0.3 ? "large" : q < 0.7 ? "medium" : "small";
}

function statusOf(rng: Random, d: Draft, asOfDay: number): AccountStatus {
  switch (d.trend) {
    case "prospect":
      return "prospect";
    case "churned":
      return d.endDay > asOfDay - 180 ? "at_risk" : rng.chance(0.25) ? "inactive" : "churned";
    case "declining":
      return d.growth < -0.35 || rng.chance(0.25) ? "at_risk" : "active";
    case "growing":
    case "stable":
    case "new":
      return rng.chance(0.02) ? "at_risk" : "active";
  }
}

/** The accounts, parents of hierarchies first, with everything later steps need to know about them. */
export function generateAccounts(ctx: DemoContext): AccountPlan[] {
  const rng = ctx.random.fork("accounts");
  const n = accountCount(ctx.scale);
  // Stratified quantiles of the lognormal: the size distribution has the same shape for every seed.
  const ranks = rng.shuffle(Array.from({ length: n }, (_, i) => i));
  const weights = ranks.map((r) => Math.exp(SIZE_SIGMA * normalQuantile((r + 0.5) / n)));
  const medianWeight = [...weights].sort((a, b) => a - b)[Math.floor(n / 2)]!;
  const regionWeights = REGIONS.map((r) => ({ value: r, weight: r.share }));
  const industryWeights = INDUSTRIES.map((i) => ({ value: i, weight: INDUSTRY_SHARES[i] }));

  const drafts: Draft[] = weights.map((weight) => {
    const location = pickLocation(rng, rng.weighted(regionWeights));
    const industry = rng.weighted(industryWeights);
    const trend = drawTrend(rng, weight, medianWeight);
    return { weight, location, industry, trend, ...drawHistory(rng, ctx, trend), group: null };
  });
  formGroups(rng, drafts, ctx.scale);
  const ordered = [...drafts.filter((d) => d.group?.role === "parent"), ...drafts.filter((d) => d.group?.role !== "parent")];
  nameAll(rng, ordered);
  assignTiers(rng, ordered, ctx);

  const sizeRank = new Map([...ordered].sort((a, b) => b.weight - a.weight).map((d, i) => [d, i]));
  const important = rng.shuffle(ordered.filter((d) => d.tier === "strategic" || d.tier === "key"));
  const demoOwned = new Set(important.slice(0, Math.ceil(important.length * 0.2)));
  const ids = new Map(ordered.map((d) => [d, rng.uuid()]));

  return ordered.map((d, index): AccountPlan => {
    const company = d.company!;
    const tier = d.tier!;
    const status = statusOf(rng, d, ctx.asOfDay);
    const ownerKey = demoOwned.has(d) || (tier !== "strategic" && tier !== "key" && rng.chance(0.04)) ? "demo" : regionOwner(d.location.region.name);
    const picked = rng.sample(ACCOUNT_TAGS, rng.weighted([{ value: 0, weight: 4 }, { value: 1, weight: 4 }, { value: 2, weight: 2 }]));
    const tags: string[] = ACCOUNT_TAGS.filter((t) => picked.includes(t));
    if (d.group) tags.push("global-account");
    if (d.trend === "new") tags.push("new-logo");
    if (status === "at_risk") tags.push("churn-risk");
    const createdAt = dayAt(d.createdDay, rng.int(60, 600));
    const updatedAt = dayAt(Math.max(d.createdDay + 1, ctx.asOfDay - rng.int(1, 90)), rng.int(60, 600));
    return {
      index, industry: d.industry, language: company.language, emailDomain: company.emailDomain, phonePrefix: d.location.country.phonePrefix,
      weight: d.weight, trend: d.trend, growth: d.growth, startDay: d.startDay, endDay: d.endDay, createdDay: d.createdDay, ownerKey,
      row: {
        orgId: ctx.orgId, id: ids.get(d)!, name: company.name, nameKey: nameOrderKey(company.name), legalName: company.name, industry: d.industry,
        region: d.location.region.name, country: d.location.country.code, currency: d.location.country.currency,
        size: d.group?.role === "parent" ? "enterprise" : sizeOf(sizeRank.get(d)!, n), tier, status,
        ownerUserId: userId(ctx.users, ownerKey), parentAccountId: d.group?.parent ? ids.get(d.group.parent)! : null,
        tags,
        externalId: `C${String(100001 + index)}`, createdBy: userId(ctx.users, ownerKey), createdAt, updatedAt, version: 1,
      },
    };
  });
}
