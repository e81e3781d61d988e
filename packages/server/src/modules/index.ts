import { accountsRoutes } from "./accounts/accounts.routes";
import type { ModuleDeps, ModulePlugin } from "./module";

/** Every module's routes and where they are mounted. Add a module here and nowhere else. */
export const MODULES: Array<{ prefix: string; routes: (deps: ModuleDeps) => ModulePlugin }> = [
  { prefix: "/api/accounts", routes: accountsRoutes },
];
