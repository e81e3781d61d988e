// Bundles the CLI and the server's TypeScript sources into a few ES modules
// before they run. Loading ~400 source files one by one through tsx's loader
// hooks cost more than a second of every start; one esbuild pass costs about
// half a second and only runs when a source file changed. Packages from
// node_modules stay external and load natively. See docs/decisions/0009.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const PACKAGES = ["cli", "contracts", "db", "domain", "server"];
const ENTRY = join(REPO_ROOT, "packages/cli/src/main.ts");
export const BUNDLE_ROOT = join(REPO_ROOT, "packages/cli/dist");
/** Bundles of older sources kept for servers still running from them (they load chunks lazily). */
const KEEP_OLD_BUNDLES = 4;

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|js|json)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) yield path;
  }
}

/** Names the sources by path, size and modification time: any edit, addition or removal gives a new name. */
export function sourceFingerprint(root = REPO_ROOT) {
  const hash = createHash("sha256");
  hash.update(`${process.version}\n`);
  for (const name of PACKAGES) {
    const dir = join(root, "packages", name);
    for (const path of [join(dir, "package.json"), ...sourceFiles(join(dir, "src"))]) {
      const stat = statSync(path);
      hash.update(`${relative(root, path)}\0${stat.size}\0${stat.mtimeMs}\n`);
    }
  }
  return hash.digest("hex").slice(0, 16);
}

/**
 * esbuild plugin: workspace packages are bundled, everything else stays an
 * external import. A dependency installed under one workspace package's own
 * node_modules (not hoisted) is imported by absolute URL, since the bundle
 * lives elsewhere. `import.meta.url` keeps meaning "this source file", so
 * paths relative to a source (migrations, the PGlite worker) still resolve.
 */
const workspacePlugin = {
  name: "openkam-workspace",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith("@openkam/") || args.pluginData === "resolving") return undefined;
      if (args.path.startsWith("node:")) return { external: true };
      const name = args.path.split("/").slice(0, args.path.startsWith("@") ? 2 : 1).join("/");
      const owner = /^(.*\/packages\/[^/]+)\//.exec(`${args.resolveDir}/`)?.[1];
      if (owner && existsSync(join(owner, "node_modules", name))) {
        const resolved = await build.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: "resolving" });
        if (resolved.errors.length === 0) return { path: pathToFileURL(resolved.path).href, external: true };
      }
      return { external: true };
    });
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      const text = await readFile(args.path, "utf8");
      return { contents: text.replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href)), loader: "ts" };
    });
  },
};

async function bundleInto(outdir) {
  const { build } = await import("esbuild");
  await build({
    entryPoints: [ENTRY],
    outdir,
    bundle: true,
    splitting: true, // commands import the server lazily; `openkam --help` stays small
    platform: "node",
    format: "esm",
    target: "node20",
    outExtension: { ".js": ".mjs" },
    sourcemap: "linked",
    logLevel: "silent",
    plugins: [workspacePlugin],
  });
}

function removeOldBundles(current) {
  if (!existsSync(BUNDLE_ROOT)) return;
  const bundles = readdirSync(BUNDLE_ROOT, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== current)
    .map((e) => ({ path: join(BUNDLE_ROOT, e.name), mtime: statSync(join(BUNDLE_ROOT, e.name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  const dayAgo = Date.now() - 24 * 3600_000;
  for (const [i, bundle] of bundles.entries()) {
    // Unfinished builds of other processes are young; old ones were left by a crash.
    if (i >= KEEP_OLD_BUNDLES && bundle.mtime < dayAgo) rmSync(bundle.path, { recursive: true, force: true });
  }
}

/**
 * The bundle of the current sources: built when missing (into a temporary
 * folder, then renamed, so that processes starting at once never see half a
 * bundle). Returns the URL of its entry module.
 */
export async function ensureServerBundle() {
  const fingerprint = sourceFingerprint();
  const dir = join(BUNDLE_ROOT, fingerprint);
  const entry = join(dir, "main.mjs");
  if (!existsSync(entry)) {
    mkdirSync(BUNDLE_ROOT, { recursive: true });
    const tmp = join(BUNDLE_ROOT, `.tmp-${process.pid}-${Date.now()}`);
    try {
      await bundleInto(tmp);
      renameSync(tmp, dir);
    } catch (error) {
      rmSync(tmp, { recursive: true, force: true });
      // Another process finished the same bundle first: use theirs.
      if (!existsSync(entry)) throw error;
    }
    removeOldBundles(fingerprint);
  }
  return pathToFileURL(entry).href;
}
