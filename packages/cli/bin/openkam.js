#!/usr/bin/env node
// The server runs from its TypeScript sources, with no build step: tsx compiles
// them on the fly (and caches the result, which keeps later starts fast).
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
