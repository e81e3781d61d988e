export { buildApp, type BuildAppOptions } from "./app";
export { defaultConfig, type ServerConfig } from "./config";
export { createJobQueue, type JobQueue } from "./jobs/job-queue";
export { hashPassword } from "./auth/secrets";
export { systemScope, type Scope } from "./tenancy/scope";
