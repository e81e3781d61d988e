import { Center } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { Navigate, Outlet, useLocation, useNavigate } from "react-router";
import { ErrorState } from "../../components/ErrorState";
import { PageLoading } from "../../components/PageLoading";
import { followUserLanguage } from "../../lib/i18n/i18n";
import { logout, ME_KEY, switchOrganization } from "./auth.api";
import { SessionContext, type Session } from "./session-context";
import { useMe } from "./useMe";

/** Pages behind sign-in. A signed-out visit goes to the sign-in page and comes back here afterwards. */
export function RequireSession() {
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const locale = me.data?.user.locale;
  useEffect(() => {
    void followUserLanguage(locale);
  }, [locale]);

  const session = useMemo<Session | null>(() => me.data ? {
    me: me.data,
    async signOut() {
      await logout();
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, null);
      await navigate("/sign-in", { replace: true });
    },
    async switchOrganization(organizationId: string) {
      const next = await switchOrganization(organizationId);
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, next);
      await navigate("/", { replace: true });
    },
  } : null, [me.data, navigate, queryClient]);

  if (me.isPending) {
    return <PageLoading />;
  }
  if (me.isError) return <Center mih="100vh"><ErrorState error={me.error} onRetry={() => void me.refetch()} /></Center>;
  if (!session) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return (
    <SessionContext.Provider value={session}>
      <Outlet />
    </SessionContext.Provider>
  );
}
