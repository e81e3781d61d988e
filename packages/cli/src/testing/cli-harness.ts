import { createDatabase, type Database } from "@openkam/db";
import { testDatabaseKind, testServerUrl } from "@openkam/db/testing/test-database";
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

/** Each CLI process compiles and opens its database anew (a few seconds each on a busy machine). */
export const CLI_TEST_TIMEOUT = 240_000;

export const CLI = fileURLToPath(new URL("../../bin/openkam.js", import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, for messages whose stream does not matter. */
  output: string;
}

type Env = Record<string, string | undefined>;

function childEnv(env: Env): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: undefined, OPENKAM_DATA_DIR: undefined, DATABASE_URL: undefined, ...env };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  return merged;
}

/** Starts `openkam ...` as a separate process, as a user would. */
export function spawnCli(args: readonly string[], env: Env = {}): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], { env: childEnv(env), stdio: ["ignore", "pipe", "pipe"] });
}

/** Runs `openkam ...` to completion. */
export function runCli(args: readonly string[], env: Env = {}): Promise<CliResult> {
  const child = spawnCli(args, env);
  let stdout = "";
  let stderr = "";
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => ((stdout += chunk), (output += chunk)));
  child.stderr!.on("data", (chunk: Buffer) => ((stderr += chunk), (output += chunk)));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr, output }));
  });
}

/** Resolves with everything printed once `pattern` has appeared on stdout. */
export function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms; got:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (pattern.test(output)) {
        clearTimeout(timer);
        resolve(output);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk));
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before ${pattern}; printed:\n${output}`));
    });
  });
}

export const exitOf = (child: ChildProcess): Promise<number | null> =>
  child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.on("exit", (code) => resolve(code)));

/** A migrated, empty database for CLI processes: a data folder, or a database on the test server. */
export interface CliDatabase {
  kind: "pglite" | "postgres";
  /** The environment that points `openkam` at it. */
  env: Env;
  /** The data folder, for embedded databases. */
  dataDir: string | null;
  /** Opens it in the test process; for a data folder, only while no CLI process holds it. */
  open(): Promise<Database>;
  dispose(): Promise<void>;
}

/** Copies the embedded template (made by the vitest global setup): a new data folder would take seconds to create. */
export function newDataDir(): { dataDir: string; dispose(): void } {
  const template = process.env.OPENKAM_TEST_TEMPLATE_PGLITE;
  if (!template) throw new Error("OPENKAM_TEST_TEMPLATE_PGLITE is not set: run the integration tests through vitest");
  const root = mkdtempSync(join(tmpdir(), "openkam-cli-"));
  const dataDir = join(root, "data");
  cpSync(template, dataDir, { recursive: true, filter: (src) => !src.endsWith("openkam.lock") });
  return { dataDir, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

let counter = 0;

async function newServerDatabase(): Promise<CliDatabase> {
  const template = process.env.OPENKAM_TEST_TEMPLATE_POSTGRES;
  if (!template) throw new Error("OPENKAM_TEST_TEMPLATE_POSTGRES is not set: run the integration tests through vitest");
  // The run id in the name lets the global teardown drop what a failed test left.
  const name = `openkam_t_${process.env.OPENKAM_TEST_RUN}_cli_${process.pid}_${++counter}`;
  const admin = new pg.Client({ connectionString: testServerUrl() });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${name} template ${template}`);
        break;
      } catch (error) {
        // 55006: another test file is copying the template at this moment.
        if (attempt > 50 || (error as { code?: string }).code !== "55006") throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  const url = new URL(testServerUrl());
  url.pathname = `/${name}`;
  return {
    kind: "postgres",
    env: { DATABASE_URL: url.toString() },
    dataDir: null,
    open: () => createDatabase({ url: url.toString(), maxConnections: 2 }),
    async dispose() {
      const client = new pg.Client({ connectionString: testServerUrl() });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** A database of the engine the vitest project tests (OPENKAM_TEST_DB). */
export async function newCliDatabase(): Promise<CliDatabase> {
  if (testDatabaseKind() === "postgres") return newServerDatabase();
  const { dataDir, dispose } = newDataDir();
  return { kind: "pglite", env: { OPENKAM_DATA_DIR: dataDir }, dataDir, open: () => createDatabase({ dataDir }), dispose: async () => dispose() };
}
