import type { TLoginRequest, TMe } from "@openkam/contracts";
import { api, setCsrfToken } from "../../lib/api/client";
import { ApiError } from "../../lib/api/api-error";

export const ME_KEY = ["me"] as const;

/** Who is signed in, or null when nobody is. */
export async function fetchMe(): Promise<TMe | null> {
  try {
    const me = await api.get<TMe>("/api/auth/me", undefined, { auth: "none" });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export async function login(input: TLoginRequest): Promise<TMe> {
  const me = await api.post<TMe>("/api/auth/login", input, { auth: "none" });
  setCsrfToken(me.csrfToken);
  return me;
}

export async function logout(): Promise<void> {
  await api.post("/api/auth/logout", undefined, { auth: "none" }).catch(() => undefined);
  setCsrfToken(null);
}

export async function switchOrganization(organizationId: string): Promise<TMe> {
  const me = await api.post<TMe>("/api/auth/switch-organization", { organizationId });
  setCsrfToken(me.csrfToken);
  return me;
}
