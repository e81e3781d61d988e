export { accountOpportunityRoutes, opportunityRoutes } from "./opportunities.routes";
export { whitespaceRoutes } from "./whitespace.routes";
export { accountInitiativeRoutes, initiativeRoutes } from "./initiatives.routes";
export { journeyRoutes } from "./journey.routes";
