export { programmeDashboardRoutes, qbrRoutes } from "./reports.routes";
