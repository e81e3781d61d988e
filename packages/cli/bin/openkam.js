#!/usr/bin/env node
// Runs the CLI from a bundle of the TypeScript sources, rebuilt when a source
// changed (server-bundle.js). OPENKAM_NO_BUNDLE=1 runs the sources directly
// through tsx instead, as does a bundle that fails to build (so the error
// shows up against the sources).
process.setSourceMapsEnabled(true);

async function runSources() {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/main.ts");
}

if (process.env.OPENKAM_NO_BUNDLE) {
  await runSources();
} else {
  const { ensureServerBundle } = await import("./server-bundle.js");
  let entry;
  try {
    entry = await ensureServerBundle();
  } catch (error) {
    console.error(`note: could not bundle the sources (${error instanceof Error ? error.message.split("\n")[0] : error}); running them through tsx`);
  }
  if (entry) await import(entry);
  else await runSources();
}
