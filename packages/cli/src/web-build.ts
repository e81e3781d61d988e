import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const WEB_DIR = join(REPO_ROOT, "packages", "web");

export type WebBuildState = "no-web-app" | "missing" | "stale" | "current";

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Whether dist/ holds a build of the current web sources. */
export function webBuildState(webDir = WEB_DIR): WebBuildState {
  if (!existsSync(join(webDir, "vite.config.ts"))) return "no-web-app";
  const built = join(webDir, "dist", "index.html");
  if (!existsSync(built)) return "missing";
  // The build configuration counts too: a change there changes what the build writes.
  const sources = Math.max(...["src", "index.html", "vite.config.ts", "build"].map((path) => newestMtime(join(webDir, path))));
  return sources > statSync(built).mtimeMs ? "stale" : "current";
}

/**
 * Runs the production build of the web app. NODE_ENV is set explicitly: an
 * inherited NODE_ENV=test (Vitest sets it) would make Vite bundle React's
 * development build, several times slower and larger.
 */
export function runWebBuild(): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "build", "-w", "@openkam/web"], {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", (error) => resolve({ ok: false, output: error.message }));
    child.on("close", (code) => resolve({ ok: code === 0, output }));
  });
}

/**
 * Builds the web app when its build is missing or older than its sources, so
 * `npm start` never serves a stale UI. A failed build does not stop the API.
 */
export async function ensureWebBuild(log: (line: string) => void): Promise<void> {
  const state = webBuildState();
  if (state === "no-web-app" || state === "current") return;
  log(state === "missing" ? "Building the web app (first start)…" : "Web sources changed: rebuilding the web app…");
  const started = Date.now();
  const { ok, output } = await runWebBuild();
  if (ok) {
    log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return;
  }
  log(output.trim().split("\n").slice(-30).join("\n"));
  log("warning: the web app build failed (output above); serving the API only. Fix the error and restart, or run `npm run dev -w @openkam/web`.");
}
