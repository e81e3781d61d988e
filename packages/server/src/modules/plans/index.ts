export { accountPlansRoutes, plansRoutes, planTemplatesRoutes } from "./plans.routes";
