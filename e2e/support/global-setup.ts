import { runWebBuild, webBuildState, WEB_DIR } from "@openkam/cli/web-build";
import { createDatabase, migrate, type Database } from "@openkam/db";
import { DEFAULT_DEMO_SEED, DEMO_LOGIN, seedDemo } from "@openkam/db/seed/index";
import { buildApp, hashPassword } from "@openkam/server";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    demoEmail: string;
    demoPassword: string;
  }
}

/** A small demo book: enough accounts, orders and contacts to fill every page, seeded in seconds. */
const E2E_SCALE = 0.1;

/**
 * The browser suite runs against the real server: the built web app, an
 * embedded database in a fresh folder, migrated and seeded with demo data.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const state = webBuildState();
  if (state !== "current") {
    console.log(`[e2e] web build is ${state}: building…`);
    const build = await runWebBuild();
    if (!build.ok) throw new Error(`the web build failed:\n${build.output}`);
  }

  const dataDir = mkdtempSync(join(tmpdir(), "openkam-e2e-"));
  let db: Database | undefined;
  try {
    db = await createDatabase({ dataDir });
    await migrate(db);
    await seedDemo(db, {
      scale: E2E_SCALE,
      seed: DEFAULT_DEMO_SEED,
      asOf: new Date().toISOString().slice(0, 10),
      passwordHash: await hashPassword(DEMO_LOGIN.password),
    });
    const webRoot = join(WEB_DIR, "dist");
    // The real server serves the built web app itself, as `npm start` does.
    const app = await buildApp({ database: db, config: { webRoot, secureCookies: false } });
    const address = await app.listen({ host: "127.0.0.1", port: 0 });
    project.provide("baseURL", address);
    project.provide("demoEmail", DEMO_LOGIN.email);
    project.provide("demoPassword", DEMO_LOGIN.password);
    console.log(`[e2e] server on ${address} (data in ${dataDir})`);
    return async () => {
      await app.close();
      await db?.close();
      rmSync(dataDir, { recursive: true, force: true });
    };
  } catch (error) {
    await db?.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
