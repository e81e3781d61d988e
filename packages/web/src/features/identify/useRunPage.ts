import { useCallback, useState } from "react";
import { useSearchParams } from "react-router";
import { useRun, type ResultSort } from "./identify.api";

const SORTS: readonly ResultSort[] = ["rank", "-rank", "name", "-name"];

/**
 * A run and one page of its results. The group filter and the sort live in the URL (a drill-down
 * is a link to share); the page cursors do not (they expire), and start over when either changes.
 */
export function useRunPage(id: string) {
  const [params, setParams] = useSearchParams();
  const group = params.get("group");
  const sortParam = params.get("sort") as ResultSort | null;
  const sort: ResultSort = sortParam && SORTS.includes(sortParam) ? sortParam : "rank";
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const detail = useRun(id, { group, sort, cursor: cursors[cursors.length - 1] ?? null });

  const setParam = useCallback((key: string, value: string | null) => {
    setCursors([null]);
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value === null) next.delete(key);
      else next.set(key, value);
      return next;
    }, { replace: true });
  }, [setParams]);

  return {
    detail,
    group,
    setGroup: useCallback((value: string | null) => setParam("group", value), [setParam]),
    sort,
    setSort: useCallback((value: ResultSort) => setParam("sort", value === "rank" ? null : value), [setParam]),
    page: cursors.length,
    hasPrevious: cursors.length > 1,
    hasNext: Boolean(detail.data?.results.nextCursor),
    previous: () => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)),
    next: () => {
      const cursor = detail.data?.results.nextCursor;
      if (cursor) setCursors((c) => [...c, cursor]);
    },
  };
}

export type RunPage = ReturnType<typeof useRunPage>;
