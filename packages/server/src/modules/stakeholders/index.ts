export { relationshipRoutes, stakeholderMapRoutes } from "./stakeholders.routes";
