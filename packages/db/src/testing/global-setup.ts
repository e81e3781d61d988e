import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { prepareTestTemplate } from "./test-database";

/** Vitest global setup for the integration projects: one migrated template per engine and run. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  const kind = project.config.env?.OPENKAM_TEST_DB === "postgres" ? "postgres" : "pglite";
  return prepareTestTemplate(kind, runId);
}
