import "@testing-library/jest-dom/vitest";
import { configure } from "@testing-library/react";
import { loadAllLanguages } from "../lib/i18n/i18n";

// The app downloads a language's messages when it first shows it; components under test get both at once.
await loadAllLanguages();

// findBy* and waitFor give up after 1 s by default; on a loaded 2-core machine a first render with its lazy chunks
// can take longer, which made page tests fail for no fault of the page.
configure({ asyncUtilTimeout: 5_000 });

// jsdom lacks the layout APIs Mantine asks for; answer like a desktop browser.
if (typeof window !== "undefined" && !window.matchMedia) {
  Object.defineProperty(window, "matchMedia", {
    writable: true,
    value: (query: string) => ({
      matches: false, media: query, onchange: null,
      addEventListener: () => {}, removeEventListener: () => {}, addListener: () => {}, removeListener: () => {}, dispatchEvent: () => false,
    }),
  });
}
if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class { observe() {} unobserve() {} disconnect() {} };
}
