import { Command, InvalidArgumentError, Option } from "commander";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { prepareEmbeddedDemo } from "../demo";
import { openDatabase } from "../open-database";
import { dataDirOption, examples } from "../options";
import { closeOnSignals } from "../shutdown";
import { ensureWebBuild, WEB_DIR } from "../web-build";

interface ServeOptions {
  port: number;
  host: string;
  dataDir?: string;
  dev?: boolean;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError("a port is a whole number from 0 to 65535");
  return port;
}

function urlOf(address: AddressInfo): string {
  const host = address.address === "0.0.0.0" || address.address === "::" ? "localhost" : address.address;
  return `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`;
}

const log = (line: string) => console.log(line);

async function serve(options: ServeOptions): Promise<void> {
  const shutdown = closeOnSignals(log);
  // Compiling the server's modules and opening the database (in its own thread) overlap.
  const server = import("@openkam/server");
  server.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
  const db = await openDatabase(options);
  shutdown.add(() => db.close());

  const demoLogin = db.kind === "pglite" ? await prepareEmbeddedDemo(db, log) : null;
  if (options.dev) log("Dev mode: the web build is not checked. Start the web dev server with: npm run dev -w @openkam/web");
  else await ensureWebBuild(log);

  const { buildApp } = await server;
  // In dev mode the web dev server serves the UI (and proxies /api here).
  const webRoot = options.dev ? null : join(WEB_DIR, "dist");
  const app = await buildApp({ database: db, config: { webRoot }, logger: Boolean(process.env.LOG_LEVEL) });
  shutdown.add(() => app.close());
  await app.listen({ port: options.port, host: options.host });

  log(`OpenKAM is running at ${urlOf(app.server.address() as AddressInfo)}`);
  log(`Database: ${db.kind === "pglite" ? `embedded, in ${db.location}` : `PostgreSQL, ${db.location}`}`);
  if (demoLogin) log(`Demo login: ${demoLogin.email} / ${demoLogin.password}`);
  log("Press Ctrl+C to stop.");
}

export function serveCommand(): Command {
  return new Command("serve")
    .description("serve the web app and the API; applies migrations, and seeds demo data into a new embedded database")
    .addOption(new Option("-p, --port <port>", "port to listen on (0: any free port)").env("PORT").default(3000).argParser(parsePort))
    .addOption(new Option("--host <host>", "interface to listen on (0.0.0.0: all)").env("HOST").default("127.0.0.1"))
    .addOption(dataDirOption())
    .option("--dev", "skip the web build check; run the web dev server apart")
    .addHelpText("after", [
      examples("openkam serve", "openkam serve --port 8080 --host 0.0.0.0 --data-dir /var/lib/openkam", "DATABASE_URL=postgres://openkam@db/openkam openkam serve"),
      "Environment: PORT, HOST, OPENKAM_DATA_DIR, DATABASE_URL (a PostgreSQL server instead of the embedded database),",
      "OPENKAM_DEMO_SCALE (size of the demo seeded into a new embedded database; default 1), LOG_LEVEL (turns on request logs).",
    ].join("\n"))
    .action(serve);
}
