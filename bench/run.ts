// npm run bench [-- --quick] [-- --engine postgres|pglite] [-- --fresh]
// Runs every bench script in turn, each in its own process, passing the flags on.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { resolve } from "node:path";

const here = import.meta.dirname;
// The API scripts seed the cached databases the others reuse, so they go first; the browser benchmark goes last.
const order = (name: string) => (name.startsWith("api-") ? 0 : name === "startup.ts" ? 1 : name === "web-pages.ts" ? 3 : 2);
// web-profile.ts and identify-profile.ts are tools for finding where the time goes, not measurements against a goal.
const NOT_BENCHMARKS = new Set(["run.ts", "web-profile.ts", "identify-profile.ts"]);
const scripts = readdirSync(here)
  .filter((name) => name.endsWith(".ts") && !NOT_BENCHMARKS.has(name))
  .sort((a, b) => order(a) - order(b) || a.localeCompare(b));
if (!existsSync(resolve(here, "import-orders.ts"))) console.log("[bench] import-orders.ts does not exist yet; the import benchmark is not run");

const args = process.argv.slice(2);
const failed: string[] = [];
const started = performance.now();
for (const script of scripts) {
  console.log(`\n[bench] ===== ${script} ${args.join(" ")}`);
  const { status } = spawnSync(process.execPath, ["--import", "tsx", resolve(here, script), ...args], { stdio: "inherit" });
  if (status !== 0) failed.push(`${script} (exit ${status})`);
}
console.log(`\n[bench] ${scripts.length} scripts in ${Math.round((performance.now() - started) / 1000)} s${failed.length ? `; failed: ${failed.join(", ")}` : ""}`);
process.exitCode = failed.length ? 1 : 0;
