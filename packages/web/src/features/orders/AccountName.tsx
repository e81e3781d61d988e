import { Anchor, Skeleton } from "@mantine/core";
import type { TAccount } from "@openkam/contracts";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { api } from "../../lib/api/client";
import { accountKeys } from "../accounts/accounts.api";

/** The account (shared cache with the accounts pages); nothing is fetched without an id. */
export function useAccountById(id: string | null | undefined) {
  return useQuery({ queryKey: accountKeys.one(id ?? ""), queryFn: () => api.get<TAccount>(`/api/accounts/${id}`), enabled: Boolean(id), staleTime: 5 * 60_000 });
}

/** An account's name as a link; each account is fetched once and cached, however many rows show it. */
export function AccountName({ id, tab }: { id: string; tab?: string }) {
  const account = useAccountById(id);
  if (account.isPending) return <Skeleton height={12} width={120} />;
  return (
    <Anchor component={Link} to={`/accounts/${id}${tab ? `?tab=${tab}` : ""}`} size="sm">
      {account.data?.name ?? "—"}
    </Anchor>
  );
}
