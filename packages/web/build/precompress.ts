import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { Plugin } from "vite";

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt)$/;
/** Below this, the headers of a compressed response cost about as much as they save. */
const MIN_BYTES = 1024;

/**
 * Writes a .br and a .gz beside each text file of the build, once, at build
 * time; the server sends them as they are (no compression per request).
 */
export function precompress(): Plugin {
  let outDir = "dist";
  return {
    name: "openkam-precompress",
    apply: "build",
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    async writeBundle(_options, bundle) {
      const files = [...Object.keys(bundle), "index.html"].filter((name, i, all) => COMPRESSIBLE.test(name) && all.indexOf(name) === i);
      await Promise.all(files.map(async (name) => {
        const path = join(outDir, name);
        const content = await readFile(path).catch(() => null);
        if (!content || content.length < MIN_BYTES) return;
        await Promise.all([
          brotli(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }).then((b) => writeFile(`${path}.br`, b)),
          gz(content, { level: 9 }).then((g) => writeFile(`${path}.gz`, g)),
        ]);
      }));
    },
  };
}
