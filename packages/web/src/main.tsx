import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router/dom";
import { adoptUserLanguage, seedEarlyAnswers } from "./app/early-data";
import { Providers } from "./app/Providers";
import { createQueryClient } from "./app/query-client";
import { createRouter } from "./app/router";
import { i18nReady } from "./lib/i18n/i18n";

const router = createRouter();
const queryClient = createQueryClient();

// The first render waits for the language's messages (preloaded by index.html beside the initial scripts) and the
// answers index.html asked for, so that it draws the page with its data, in the signed-in user's language.
void Promise.all([i18nReady, seedEarlyAnswers(queryClient)]).then(() => adoptUserLanguage(queryClient)).then(() => {
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <Providers queryClient={queryClient}>
        <RouterProvider router={router} />
      </Providers>
    </StrictMode>,
  );
});
