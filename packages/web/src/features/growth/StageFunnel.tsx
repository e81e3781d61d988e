import { Badge, Group, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import type { TOpportunityList } from "@openkam/contracts";
import { OPPORTUNITY_STAGES } from "@openkam/domain/growth/index";
import { useTranslation } from "react-i18next";
import { formatMoney } from "../../lib/format";
import { STAGE_COLORS } from "./growth-format";

/** Totals per stage (funnel order) and the weighted open pipeline, one line per currency. */
export function StageFunnel({ list }: { list: TOpportunityList }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="xs" aria-label={t("growth.opportunities.funnel")}>
        {OPPORTUNITY_STAGES.map((stage) => {
          const lines = list.stageTotals.filter((s) => s.stage === stage);
          return (
            <Paper key={stage} withBorder p="xs" radius="md" data-testid={`stage-${stage}`}>
              <Group gap={6} justify="space-between" wrap="nowrap">
                <Badge color={STAGE_COLORS[stage]} variant="light">{t(`growth.stages.${stage}`)}</Badge>
                <Text size="xs" c="dimmed">{lines.reduce((s, l) => s + l.count, 0)}</Text>
              </Group>
              {lines.length === 0 ? <Text size="sm" c="dimmed" mt={4}>—</Text> : lines.map((l) => (
                <Text key={l.currency} size="sm" fw={600} mt={4}>{formatMoney(l.total, l.currency, { compact: true })}</Text>
              ))}
            </Paper>
          );
        })}
      </SimpleGrid>
      <Group gap="md">
        <Text size="sm" c="dimmed">{t("growth.opportunities.weightedPipeline")}:</Text>
        {list.weightedPipeline.length === 0 ? <Text size="sm">—</Text> : list.weightedPipeline.map((p) => (
          <Text key={p.currency} size="sm" fw={600} data-testid="weighted-pipeline">
            {formatMoney(p.weighted, p.currency)} <Text span size="xs" c="dimmed">{t("growth.opportunities.ofTotal", { total: formatMoney(p.total, p.currency), count: p.count })}</Text>
          </Text>
        ))}
      </Group>
    </Stack>
  );
}
