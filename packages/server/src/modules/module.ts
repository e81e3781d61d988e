import type { Database } from "@openkam/db";
import type { FastifyInstance } from "fastify";
import type { ServerConfig } from "../config";
import type { JobQueue } from "../jobs/job-queue";

/** What a module's routes receive: only shared infrastructure, never another module's internals. */
export interface ModuleDeps {
  db: Database;
  config: ServerConfig;
  jobs: JobQueue;
}

export type ModulePlugin = (app: FastifyInstance) => Promise<void>;
