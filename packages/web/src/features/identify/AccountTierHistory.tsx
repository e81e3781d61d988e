import { Anchor, Badge, Group, Paper, Skeleton, Text, Timeline, Title } from "@mantine/core";
import { IconArrowRight, IconStairsUp } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorState } from "../../components/ErrorState";
import { tierColor } from "../../lib/colors";
import { formatDateTime } from "../../lib/format";
import { useTierHistory } from "./identify.api";

/** Every tier change of the account, newest first: from, to, who, when, why, and the analysis behind it. */
export function AccountTierHistory({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const history = useTierHistory(accountId);
  const items = history.data?.items ?? [];
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h5" mb="sm">{t("identify.tierHistory.title")}</Title>
      {history.isError ? <ErrorState error={history.error} onRetry={() => void history.refetch()} /> : history.isPending ? <Skeleton height={80} /> : items.length === 0 ? (
        <Text size="sm" c="dimmed">{t("identify.tierHistory.empty")}</Text>
      ) : (
        <Timeline bulletSize={22} lineWidth={2} active={items.length - 1} data-testid="tier-history">
          {items.map((change) => (
            <Timeline.Item
              key={change.id}
              bullet={<IconStairsUp size={12} />}
              title={(
                <Group gap={6}>
                  <Badge size="sm" color={tierColor(change.fromTier)} variant="light">{t(`enums.tier.${change.fromTier}`)}</Badge>
                  <IconArrowRight size={14} aria-label={t("identify.tierHistory.to")} />
                  <Badge size="sm" color={tierColor(change.toTier)}>{t(`enums.tier.${change.toTier}`)}</Badge>
                </Group>
              )}
            >
              <Text size="sm" mt={4}>{change.reason ?? <Text span c="dimmed" size="sm">{t("identify.tierHistory.noReason")}</Text>}</Text>
              <Text size="xs" c="dimmed" mt={2}>
                {t("identify.tierHistory.by", { name: change.changedBy?.name ?? t("identify.tierHistory.system"), at: formatDateTime(change.changedAt) })}
                {change.runId && <> · <Anchor component={Link} to={`/identify/runs/${change.runId}`} size="xs" underline="always">{t("identify.tierHistory.run")}</Anchor></>}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  );
}
