import { Button, Center, Paper, Stack, Text, Timeline } from "@mantine/core";
import type { TActivityEntry } from "@openkam/contracts";
import { IconHistory } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { EmptyHint } from "../../components/EmptyHint";
import { ErrorState } from "../../components/ErrorState";
import { TableSkeleton } from "../../components/TableSkeleton";
import { formatDateTime } from "../../lib/format";
import { CommentThread } from "../comments/CommentThread";
import { AccountTierHistory } from "../identify/AccountTierHistory";
import { useActivity } from "./account360.api";

const IGNORED = new Set(["version", "updatedAt", "createdAt"]);

/** The fields an update changed, from the before/after snapshots of the audit trail. */
export function changedKeys(entry: Pick<TActivityEntry, "before" | "after">): string[] {
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  if (typeof before !== "object" || typeof after !== "object") return [];
  return Object.keys(after).filter((k) => !IGNORED.has(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

export function ActivityTab({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const activity = useActivity(accountId);
  const items = activity.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="md">
      <CommentThread accountId={accountId} />
      <AccountTierHistory accountId={accountId} />
      <Paper withBorder radius="md" p="md">
        {activity.isPending ? <TableSkeleton rows={5} /> : activity.isError ? <ErrorState error={activity.error} /> : items.length === 0 ? (
          <EmptyHint icon={<IconHistory />} title={t("account360.noActivity")} description={t("account360.noActivityHint")} />
        ) : (
          <>
            <Timeline bulletSize={14} lineWidth={2}>
              {items.map((e) => {
                const keys = e.action === "update" ? changedKeys(e) : [];
                return (
                  <Timeline.Item key={e.id} title={<Text size="sm" fw={500}>{t("account360.activityLine", { who: e.actorName ?? t("account360.system"), action: t(`account360.actions.${e.action}`, { defaultValue: e.action }), entity: t(`account360.entities.${e.entityType}`, { defaultValue: e.entityType }) })}</Text>}>
                    <Text size="xs" c="dimmed">{formatDateTime(e.at)}</Text>
                    {keys.length > 0 && <Text size="xs" mt={2}>{t("account360.changedFields", { fields: keys.join(", ") })}</Text>}
                  </Timeline.Item>
                );
              })}
            </Timeline>
            {activity.hasNextPage && (
              <Center mt="sm"><Button variant="subtle" loading={activity.isFetchingNextPage} onClick={() => void activity.fetchNextPage()}>{t("common.loadMore")}</Button></Center>
            )}
          </>
        )}
      </Paper>
    </Stack>
  );
}
