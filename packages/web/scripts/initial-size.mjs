/* global console, process */
// Prints the JavaScript a first visit downloads before the app can render: the
// entry script and the chunks index.html preloads, raw and gzip-compressed.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");
const html = readFileSync(join(dist, "index.html"), "utf8");
const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
let raw = 0;
let gzip = 0;
for (const file of files) {
  const bytes = readFileSync(join(dist, file));
  raw += bytes.length;
  gzip += gzipSync(bytes, { level: 9 }).length;
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`initial JS: ${files.length} files, ${kb(raw)} raw, ${kb(gzip)} gzip (budget 350 KB gzip)`);
if (process.argv.includes("--check") && gzip > 350 * 1024) process.exit(1);
