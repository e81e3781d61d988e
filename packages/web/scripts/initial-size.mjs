/* global console, process */
// Prints the JavaScript a first visit downloads before the app can render: the
// entry script and the chunks index.html preloads, raw and gzip-compressed, plus the messages of the larger of the
// two languages (index.html preloads one of them, by the visitor's language).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");
const html = readFileSync(join(dist, "index.html"), "utf8");
const size = (list) => list.reduce((sum, file) => {
  const bytes = readFileSync(join(dist, file));
  return { raw: sum.raw + bytes.length, gzip: sum.gzip + gzipSync(bytes, { level: 9 }).length };
}, { raw: 0, gzip: 0 });
const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const languages = JSON.parse(/var g=(\{[^}]*\})/.exec(html)?.[1] ?? "{}");
const language = Object.values(languages)
  .map((list) => list.map((f) => f.slice(1)).filter((f) => !initial.includes(f)))
  .sort((a, b) => size(b).gzip - size(a).gzip)[0] ?? [];
if (language.length === 0) throw new Error("index.html preloads no language messages (build/route-preloads.ts)");
const files = [...initial, ...language];
const { raw, gzip } = size(files);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`initial JS: ${files.length} files, ${kb(raw)} raw, ${kb(gzip)} gzip (budget 350 KB gzip)`);
if (process.argv.includes("--check") && gzip > 350 * 1024) process.exit(1);
