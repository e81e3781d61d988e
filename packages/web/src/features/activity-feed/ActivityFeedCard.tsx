import { Anchor, Button, Center, Group, Paper, Switch, Text, Timeline, Title } from "@mantine/core";
import type { TActivityItem } from "@openkam/contracts";
import { IconActivity } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyHint } from "../../components/EmptyHint";
import { ErrorState } from "../../components/ErrorState";
import { TableSkeleton } from "../../components/TableSkeleton";
import { formatDateTime } from "../../lib/format";
import { useActivityFeed } from "./activity-feed.api";

function ActivityLine({ item }: { item: TActivityItem }) {
  const { t } = useTranslation();
  const who = item.actor?.name ?? t("activityFeed.system");
  if (item.entityType === "comment" && item.action === "create") {
    return <Text size="sm">{t("activityFeed.commented", { who })}</Text>;
  }
  return (
    <Text size="sm">
      {t("activityFeed.line", {
        who,
        action: t(`activityFeed.actions.${item.action}`, { defaultValue: item.action }),
        entity: t(`activityFeed.entities.${item.entityType}`, { defaultValue: item.entityType.replace(/_/g, " ") }),
      })}
      {item.label && item.entityType !== "account" ? ` · ${item.label}` : ""}
    </Text>
  );
}

/** What happened lately on the accounts I can see (or only mine), for the dashboard. */
export function ActivityFeedCard() {
  const { t } = useTranslation();
  const [mine, setMine] = useState(false);
  const feed = useActivityFeed(mine);
  const items = feed.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5">{t("activityFeed.title")}</Title>
        <Switch size="sm" checked={mine} onChange={(event) => setMine(event.currentTarget.checked)} label={t("activityFeed.mineOnly")} />
      </Group>
      {feed.isPending ? <TableSkeleton rows={4} /> : feed.isError ? <ErrorState error={feed.error} /> : items.length === 0 ? (
        <EmptyHint icon={<IconActivity />} title={t("activityFeed.empty")} description={t("activityFeed.emptyHint")} />
      ) : (
        <>
          <Timeline bulletSize={12} lineWidth={2}>
            {items.map((item) => (
              <Timeline.Item key={item.id}>
                <ActivityLine item={item} />
                {item.excerpt && <Text size="xs" c="dimmed" lineClamp={2} style={{ overflowWrap: "anywhere" }}>{item.excerpt}</Text>}
                <Group gap={6}>
                  <Anchor component={Link} to={`/accounts/${item.accountId}`} size="xs">{item.accountName}</Anchor>
                  <Text size="xs" c="dimmed">{formatDateTime(item.at)}</Text>
                </Group>
              </Timeline.Item>
            ))}
          </Timeline>
          {feed.hasNextPage && (
            <Center mt="sm"><Button variant="subtle" size="xs" loading={feed.isFetchingNextPage} onClick={() => void feed.fetchNextPage()}>{t("common.loadMore")}</Button></Center>
          )}
        </>
      )}
    </Paper>
  );
}
