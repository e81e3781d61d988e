// The real OpenKAM app for the load tests: buildApp as `openkam serve` runs it, without background jobs.
import { createDatabase, type DatabaseConfig } from "@openkam/db";
import { buildApp } from "@openkam/server";
import { reportFailure, reportListening } from "./child";

try {
  const config = JSON.parse(process.argv[2] ?? "{}") as { database: DatabaseConfig };
  const database = await createDatabase(config.database);
  const app = await buildApp({ database, config: { runJobs: false } });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  reportListening(typeof address === "object" && address ? address.port : 0, async () => {
    await app.close();
    await database.close();
  });
} catch (error) {
  reportFailure(error);
}
