import type { Plugin, Rollup } from "vite";
import { LANGUAGES } from "../src/lib/i18n/detect-language";

/**
 * The pages a visit most often starts on, by path, with the source modules
 * they need at once: the account 360 page draws its chart on arrival.
 */
const ROUTES: Record<string, string[]> = {
  "^/accounts$": ["src/features/accounts/AccountsPage.tsx"],
  "^/accounts/[0-9a-f-]{36}$": ["src/features/account360/Account360Page.tsx", "src/components/charts/EChart.tsx"],
};

/** A chunk's file and the files it imports statically, transitively. */
function closure(chunk: Rollup.OutputChunk, bundle: Rollup.OutputBundle): Set<string> {
  const files = new Set<string>();
  const queue = [chunk.fileName];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const next = bundle[file];
    if (next?.type === "chunk") queue.push(...next.imports);
  }
  return files;
}

/**
 * Writes into index.html, for each of those paths, the code chunks its page
 * needs beyond the initial ones, and a few lines that add
 * `<link rel="modulepreload">` for the path being opened. The page's code then
 * downloads while the initial scripts run, instead of after them.
 */
export function routePreloads(): Plugin {
  return {
    name: "openkam-route-preloads",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((c): c is Rollup.OutputChunk => c.type === "chunk");
        const entry = chunks.find((c) => c.isEntry);
        if (!entry) return html;
        const initial = closure(entry, bundle);
        const map: Record<string, string[]> = {};
        for (const [pattern, sources] of Object.entries(ROUTES)) {
          const files = new Set<string>();
          for (const source of sources) {
            const chunk = chunks.find((c) => c.facadeModuleId?.replaceAll("\\", "/").endsWith(source));
            if (!chunk) throw new Error(`route-preloads: no chunk for ${source}; update ROUTES in build/route-preloads.ts`);
            for (const file of closure(chunk, bundle)) if (!initial.has(file)) files.add(file);
          }
          map[pattern] = [...files].map((f) => `/${f}`);
        }
        const languages: Record<string, string[]> = {};
        for (const language of LANGUAGES) {
          const source = `src/locales/${language}/index.ts`;
          const chunk = chunks.find((c) => c.facadeModuleId?.replaceAll("\\", "/").endsWith(source));
          if (!chunk) throw new Error(`route-preloads: no chunk for ${source}`);
          languages[language] = [...closure(chunk, bundle)].filter((f) => !initial.has(f)).map((f) => `/${f}`);
        }
        // The language's messages too, chosen as lib/i18n picks the first language: this device's choice, else the browser's.
        const script = `(function(){function add(h){var l=document.createElement("link");l.rel="modulepreload";l.href=h;document.head.appendChild(l)}` +
          `var m=${JSON.stringify(map)};for(var p in m)if(new RegExp(p).test(location.pathname))m[p].forEach(add);` +
          `var g=${JSON.stringify(languages)},s=null;try{s=localStorage.getItem("openkam.language")}catch(e){}` +
          `if(!g[s]){var b=(navigator.languages||[navigator.language]).filter(function(x){return x&&x.trim()})[0]||"";s=/^zh\\b/i.test(b)?"zh-CN":"en"}g[s].forEach(add)})()`;
        return { html, tags: [{ tag: "script", children: script, injectTo: "head" }] };
      },
    },
  };
}
