// The real OpenKAM app as `openkam serve --data-dir` runs it (embedded database, migrations applied, background
// jobs on, the built web app at /), for the web benchmark. The web build comes from a folder of its own, so a
// rebuild of packages/web/dist during a run cannot swap the files under the browser.
import { createDatabase, migrate } from "@openkam/db";
import { buildApp } from "@openkam/server";
import { reportFailure, reportListening } from "./child";

try {
  const config = JSON.parse(process.argv[2] ?? "{}") as { dataDir: string; webRoot: string };
  const database = await createDatabase({ dataDir: config.dataDir });
  await migrate(database);
  const app = await buildApp({ database, config: { webRoot: config.webRoot } });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  reportListening(typeof address === "object" && address ? address.port : 0, async () => {
    await app.close();
    await database.close();
  });
} catch (error) {
  reportFailure(error);
}
