export { teamLoadRoutes } from "./team-load.routes";
