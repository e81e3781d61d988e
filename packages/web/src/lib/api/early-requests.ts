/**
 * Requests that index.html starts while the scripts download, for the page the
 * browser opens first (see the inline script there). Each is handed out once,
 * to the first GET of the same URL; later requests go to the network as usual.
 */
declare global {
  interface Window {
    __openkamEarly?: Record<string, Promise<Response> | undefined>;
  }
}

/** The early answer for `url` when there is a successful one; undefined otherwise (ask the server). */
export async function takeEarlyResponse(url: string): Promise<Response | undefined> {
  const early = typeof window === "undefined" ? undefined : window.__openkamEarly;
  const pending = early?.[url];
  if (!pending) return undefined;
  delete early[url];
  try {
    const response = await pending;
    // A 401 (signed out) or any failure goes through the normal path, with its sign-in and error handling.
    return response.ok ? response : undefined;
  } catch {
    return undefined;
  }
}
