export { accountCadenceRoutes, cadenceRoutes } from "./cadence.routes";
