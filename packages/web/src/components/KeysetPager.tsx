import { Button, Group, Text } from "@mantine/core";
import { IconChevronLeft, IconChevronRight } from "@tabler/icons-react";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";

const FIRST_PAGE: ReadonlyArray<string | null> = [null];

/**
 * Keyset pagination of a list: the cursors of the pages visited so far, so Previous works without offsets, back to
 * the first page when the list's query (`listKey`) changes. The reset happens while rendering (React's "adjust state
 * when a prop changes"), not in an effect: an effect re-rendered the whole page, its table included, right after the
 * first render.
 */
export function useKeysetPages(listKey: string) {
  const [state, setState] = useState({ key: listKey, cursors: FIRST_PAGE });
  if (state.key !== listKey) setState({ key: listKey, cursors: FIRST_PAGE });
  const cursors = state.key === listKey ? state.cursors : FIRST_PAGE;
  const next = useCallback((cursor: string) => setState((s) => ({ ...s, cursors: [...s.cursors, cursor] })), []);
  const previous = useCallback(() => setState((s) => ({ ...s, cursors: s.cursors.slice(0, -1) })), []);
  return { cursor: cursors.at(-1) ?? null, page: cursors.length, next, previous };
}

/** The line under a keyset-paginated list: which page and how many rows, with Previous and Next. */
export function KeysetPager({ info, pages, nextCursor, loading }: {
  /** "Page 2 · 50 shown", in the list's own words. */
  info: string;
  pages: ReturnType<typeof useKeysetPages>;
  /** The next page's cursor, null on the last page. */
  nextCursor: string | null | undefined;
  /** The rows on screen stand in for the page being fetched: Next waits for them. */
  loading: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" mt="sm">
      <Text size="sm" c="dimmed">{info}</Text>
      <Group gap="xs">
        <Button variant="default" size="xs" leftSection={<IconChevronLeft size={14} />} disabled={pages.page < 2} onClick={pages.previous}>
          {t("common.previous")}
        </Button>
        <Button variant="default" size="xs" rightSection={<IconChevronRight size={14} />} disabled={!nextCursor || loading} onClick={() => nextCursor && pages.next(nextCursor)}>
          {t("common.next")}
        </Button>
      </Group>
    </Group>
  );
}
