// GET /api/accounts?limit=50 against a bare Fastify + driver route running the same SQL.
// npm run bench (all scripts), or: node --import tsx bench/api-list.ts [--quick] [--engine postgres|pglite] [--fresh]
import { runApiBench } from "./lib/api-bench";
import { parseBenchOptions } from "./lib/options";

await runApiBench("GET /api/accounts?limit=50", [
  { name: "list", path: () => "/api/accounts?limit=50", perAccount: false, roles: ["admin", "account_manager"] },
], parseBenchOptions());
