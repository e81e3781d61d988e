export { accountEffortRoutes, effortRoutes } from "./effort.routes";
