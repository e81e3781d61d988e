// GET /api/accounts/{id}/summary (account 360) over a sample of 100 accounts, against a bare route running the same SQL.
// npm run bench (all scripts), or: node --import tsx bench/api-summary.ts [--quick] [--engine postgres|pglite] [--fresh]
import { runApiBench } from "./lib/api-bench";
import { parseBenchOptions } from "./lib/options";

await runApiBench("GET /api/accounts/{id}/summary", [
  { name: "summary", path: (id) => `/api/accounts/${id}/summary`, perAccount: true, roles: ["admin"] },
], parseBenchOptions());
