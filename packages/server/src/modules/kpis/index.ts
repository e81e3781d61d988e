export { kpisRoutes } from "./kpis.routes";
export { scorecardsRoutes } from "./scorecards.routes";
export { computeKpis, scorecardOf, type KpiSubject } from "./kpis.service";
