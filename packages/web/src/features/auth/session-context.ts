import type { TMe } from "@openkam/contracts";
import { createContext, useContext } from "react";

export interface Session {
  me: TMe;
  signOut(): Promise<void>;
  switchOrganization(organizationId: string): Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

/** The signed-in user; only for pages behind RequireSession. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside RequireSession");
  return session;
}
