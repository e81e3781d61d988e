export { accountServiceScopeRoutes, casesRoutes, serviceRoutes } from "./service.routes";
