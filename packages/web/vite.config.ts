import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompress } from "./build/precompress";
import { routePreloads } from "./build/route-preloads";

/** Vendor code that every page needs goes into long-cached chunks of its own; charts stay out of them (loaded lazily). */
function vendorChunk(id: string): string | undefined {
  // Small modules shared by several pages (icons, components, API hooks, formatters) travel together: loaded one
  // by one they made a page's first visit wait on a dozen round trips of a few hundred bytes each.
  if (/node_modules\/@tabler\/icons-react\//.test(id)) return "shared";
  if (/\/src\/(components|lib)\//.test(id) && !/\/components\/charts\//.test(id)) return "shared";
  if (/\/src\/features\/[^/]+\/[^/]+\.api\.ts$/.test(id)) return "shared";
  if (!id.includes("node_modules")) return undefined;
  if (/node_modules\/(echarts|zrender)\//.test(id)) return undefined;
  if (/node_modules\/(react|react-dom|scheduler|react-router)\//.test(id)) return "react";
  // Only the Mantine packages the shell uses; dates and dropzone stay with the pages that need them.
  if (/node_modules\/@mantine\/(core|hooks|notifications|modals|spotlight|store)\//.test(id)) return "mantine";
  if (/node_modules\/(i18next|react-i18next|@tanstack)\//.test(id)) return "data";
  return undefined;
}

export default defineConfig({
  plugins: [react(), routePreloads(), precompress()],
  server: {
    port: 5173,
    proxy: { "/api": { target: process.env.OPENKAM_API ?? "http://localhost:3000", changeOrigin: false } },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 900,
    rollupOptions: { output: { manualChunks: vendorChunk } },
  },
});
