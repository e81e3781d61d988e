import { Group, Select, Skeleton, Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorState } from "../../components/ErrorState";
import { recentQuarters } from "./kpi-format";
import { useKpiDefinitions, useScorecard } from "./kpis.api";
import { ScorecardView } from "./ScorecardView";

/** The account's balanced scorecard on its 360° page. */
export function AccountScorecardTab({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const quarters = recentQuarters(new Date());
  const [quarter, setQuarter] = useState(quarters[0]!);
  const card = useScorecard({ kind: "account", accountId }, quarter);
  const definitions = useKpiDefinitions();
  return (
    <Stack gap="md">
      <Group justify="flex-end">
        <Select label={t("kpis.scorecard.quarter")} w={140} allowDeselect={false} value={quarter} data={quarters} onChange={(v) => v && setQuarter(v)} />
      </Group>
      {card.isError ? <ErrorState error={card.error} onRetry={() => void card.refetch()} />
        : !card.data || !definitions.data ? <Stack><Skeleton height={110} /><Skeleton height={260} /></Stack>
        : <ScorecardView card={card.data} definitions={definitions.data} />}
    </Stack>
  );
}
