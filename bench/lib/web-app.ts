// The built web app and a signed-in demo session, for the browser benchmarks.
import { ensureWebBuild, webBuildState, WEB_DIR } from "@openkam/cli/web-build";
import { DEMO_LOGIN } from "@openkam/db/seed/demo-users";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { log } from "./report";
import { BENCH_DATA } from "./seeded";

/** The JavaScript a first visit loads before the app renders, as packages/web/scripts/initial-size.mjs prints it. */
export function initialBundle(): { files: number; rawKb: number; gzipKb: number; line: string } {
  const result = spawnSync(process.execPath, [join(WEB_DIR, "scripts/initial-size.mjs")], { encoding: "utf8" });
  const line = result.stdout.trim();
  const match = /(\d+) files, ([\d.]+) KB raw, ([\d.]+) KB gzip/.exec(line);
  if (result.status !== 0 || !match) throw new Error(`initial-size.mjs failed: ${result.stderr || line}`);
  return { files: Number(match[1]), rawKb: Number(match[2]), gzipKb: Number(match[3]), line };
}

/**
 * Builds the web app if its sources changed, measures its initial JavaScript and copies the build to
 * .bench-data/web-dist, which the server serves: other work may rebuild packages/web/dist during the run.
 * When the rebuild fails (sources mid-edit), the last good build is measured and said to be stale.
 */
export async function snapshotWebBuild(): Promise<{ root: string; bundle: ReturnType<typeof initialBundle>; state: string }> {
  await ensureWebBuild((line) => log(`web build: ${line.split("\n").slice(-3).join(" ")}`));
  const state = webBuildState();
  const dist = join(WEB_DIR, "dist");
  if (!existsSync(join(dist, "index.html"))) throw new Error("the web app is not built and does not build (npm run build -w @openkam/web)");
  if (state !== "current") log(`web build: ${state}; measuring the last build in ${dist}`);
  const root = resolve(BENCH_DATA, "web-dist");
  for (let attempt = 0; attempt < 3; attempt++) {
    const index = readFileSync(join(dist, "index.html"), "utf8");
    const bundle = initialBundle();
    rmSync(root, { recursive: true, force: true });
    cpSync(dist, root, { recursive: true });
    if (readFileSync(join(root, "index.html"), "utf8") === index) return { root, bundle, state };
  }
  throw new Error(`${dist} kept changing while it was copied`);
}

/** Signs the demo admin (or the given user) in through the API and pins the interface to English. */
export async function signIn(url: string, login: { email: string; password: string } = DEMO_LOGIN): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: login.email, password: login.password }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const me = (await res.json()) as { csrfToken: string };
  const session = res.headers.getSetCookie().map((c) => /^openkam_session=([^;]+)/.exec(c)?.[1]).find(Boolean);
  if (!session) throw new Error("sign-in set no session cookie");
  const profile = await fetch(`${url}/api/profile`, {
    method: "PATCH",
    headers: { "content-type": "application/json", cookie: `openkam_session=${session}`, "x-csrf-token": me.csrfToken },
    body: JSON.stringify({ locale: "en" }),
  });
  if (!profile.ok) throw new Error(`setting the profile language failed: ${profile.status} ${await profile.text()}`);
  return session;
}

