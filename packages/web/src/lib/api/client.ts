import { parseProblem, ApiError } from "./api-error";
import { takeEarlyResponse } from "./early-requests";

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
export type QueryValue = string | number | boolean | null | undefined | ReadonlyArray<string>;
export type Query = Record<string, QueryValue>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  /** "none": a 401 is an answer (sign-in, who-am-I), not a lost session to recover. */
  auth?: "session" | "none";
  signal?: AbortSignal;
}

/**
 * What the app does when the session is gone mid-work: sign in again (in a
 * dialog over the page, so nothing typed is lost) and resolve, or reject when
 * the user gives up. Set by the session provider.
 */
type ReauthHandler = () => Promise<void>;

let csrfToken: string | null = null;
let reauthHandler: ReauthHandler | null = null;
let pendingReauth: Promise<void> | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setReauthHandler(handler: ReauthHandler | null): void {
  reauthHandler = handler;
}

/** Query string with repeated keys for lists (?tier=key&tier=strategic); empty values left out. */
export function toQueryString(query: Query | undefined): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) for (const v of value as ReadonlyArray<string>) params.append(key, v);
    else params.append(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return null;
  const type = response.headers.get("content-type") ?? "";
  if (type.includes("json")) return response.json().catch(() => null);
  return response.text();
}

async function send(method: Method, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: "application/json, application/problem+json", ...options.headers };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  const init: RequestInit = { method, headers, credentials: "same-origin" };
  if (body !== undefined) init.body = body;
  if (options.signal) init.signal = options.signal;
  const url = `${path}${toQueryString(options.query)}`;
  if (method === "GET" && options.headers === undefined) {
    const early = await takeEarlyResponse(url);
    if (early) return early;
  }
  return fetch(url, init);
}

/** Waits for the one sign-in dialog all requests that hit a 401 share. */
function reauthenticate(): Promise<void> {
  if (!reauthHandler) return Promise.reject(new ApiError(401, "UNAUTHENTICATED", "Sign in first"));
  pendingReauth ??= reauthHandler().finally(() => {
    pendingReauth = null;
  });
  return pendingReauth;
}

export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  let response: Response;
  try {
    response = await send(method, path, options);
    if (response.status === 401 && options.auth !== "none") {
      await reauthenticate();
      response = await send(method, path, options);
    }
  } catch (error) {
    if (error instanceof ApiError || (error instanceof DOMException && error.name === "AbortError")) throw error;
    throw new ApiError(0, "NETWORK", "The server cannot be reached; check your connection");
  }
  const data = await readBody(response);
  if (!response.ok) throw parseProblem(response.status, data, response.statusText || "The request failed");
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query, options: Omit<RequestOptions, "query"> = {}) => request<T>("GET", path, { ...options, query }),
  post: <T>(path: string, body?: unknown, options: RequestOptions = {}) => request<T>("POST", path, { ...options, body: body ?? {} }),
  patch: <T>(path: string, body: unknown, options: RequestOptions = {}) => request<T>("PATCH", path, { ...options, body }),
  put: <T>(path: string, body: unknown, options: RequestOptions = {}) => request<T>("PUT", path, { ...options, body }),
  delete: (path: string, options: RequestOptions = {}) => request<null>("DELETE", path, options),
};

export { ApiError };
