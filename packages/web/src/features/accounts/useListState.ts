import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { readListState, writeListState, type AccountListState } from "./list-state";

/** The accounts list state, read from and written to the URL (replace, so Back leaves the list). */
export function useListState(): [AccountListState, (patch: Partial<AccountListState>) => void, (next: AccountListState) => void] {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readListState(params), [params]);
  const replace = useCallback((next: AccountListState) => setParams(writeListState(next), { replace: true }), [setParams]);
  const update = useCallback((patch: Partial<AccountListState>) => replace({ ...state, ...patch }), [replace, state]);
  return [state, update, replace];
}
