import cookie from "@fastify/cookie";
import type { Database } from "@openkam/db";
import Fastify, { type FastifyInstance } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { ZHealth } from "@openkam/contracts";
import { authRoutes } from "./auth/auth.routes";
import { registerAuthentication } from "./auth/authenticate";
import { defaultConfig, type ServerConfig } from "./config";
import { registerOpenApi } from "./http/openapi";
import { AppError } from "./http/app-error";
import { registerProblemHandlers, sendProblem } from "./http/problem";
import { createJobQueue, type JobQueue } from "./jobs/job-queue";
import { MODULES } from "./modules/index";
import { registerJobHandlers } from "./jobs/handlers";
import { hasWebApp, registerWebApp } from "./http/web-app";
import { schedulePurge } from "./modules/maintenance/purge.scheduler";
import { startPeriodicJobs } from "./jobs/schedules";
import { PERIODIC_JOBS } from "./jobs/periodic-jobs";

export interface BuildAppOptions {
  database: Database;
  config?: Partial<ServerConfig>;
  /** Pass a queue to share it (tests drain it); otherwise one is made. */
  jobs?: JobQueue;
  logger?: boolean;
}

/** Builds the Fastify app without listening, so tests, the CLI and the server share it. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const config = defaultConfig(options.config);
  const db = options.database;
  const jobs = options.jobs ?? createJobQueue(db);
  const app = Fastify({
    logger: options.logger ? { level: config.logLevel } : false,
    trustProxy: process.env.OPENKAM_TRUST_PROXY === "true",
    bodyLimit: 2 * 1024 * 1024,
    // Query strings like ?tier=key&tier=strategic become arrays.
    routerOptions: { ignoreTrailingSlash: true },
    // Malformed or over-long URLs are answered before routing; keep them problem documents too.
    frameworkErrors: (error, request, reply) => {
      const status = (error as { statusCode?: number }).statusCode ?? 400;
      const problem = new AppError("VALIDATION_FAILED", status === 414 ? "The address is too long" : "The address is malformed");
      Object.assign(problem, { status });
      void sendProblem(reply, problem, request.url.slice(0, 200));
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(config.validateResponses ? serializerCompiler : () => (data) => JSON.stringify(data));
  registerProblemHandlers(app, { webAppIndex: hasWebApp(config.webRoot) });
  await app.register(cookie);
  registerAuthentication(app, db, { cacheCredentials: config.cacheCredentials });
  await registerOpenApi(app, config.version);

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get("/api/health", {
    config: { public: true },
    schema: { tags: ["meta"], summary: "Liveness and which database engine is in use", response: { 200: ZHealth } },
  }, async () => ({ status: "ok" as const, database: db.kind, version: config.version }));

  await app.register(authRoutes(db, { secureCookies: config.secureCookies }), { prefix: "/api/auth" });
  const deps = { db, config, jobs };
  for (const module of MODULES) await app.register(module.routes(deps), { prefix: module.prefix });
  registerJobHandlers(jobs, deps);
  await registerWebApp(app, config.webRoot);

  if (config.runJobs && !options.jobs) {
    let stopPurge = () => {};
    let stopPeriodic = () => {};
    app.addHook("onReady", async () => {
      jobs.start();
      stopPurge = schedulePurge(db, (message) => app.log.info(message));
      stopPeriodic = startPeriodicJobs(db, jobs, PERIODIC_JOBS, (message) => app.log.warn(message));
    });
    app.addHook("onClose", async () => {
      stopPurge();
      stopPeriodic();
      await jobs.stop();
    });
  }
  return app;
}
