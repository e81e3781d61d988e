import { Button, Group, Paper, SegmentedControl, Select, Skeleton, Stack, Text } from "@mantine/core";
import { useDebouncedValue, useDisclosure } from "@mantine/hooks";
import { IconAdjustments, IconBuildingSkyscraper } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { EmptyHint } from "../../components/EmptyHint";
import { ErrorState } from "../../components/ErrorState";
import { PageHeader } from "../../components/PageHeader";
import { useSession } from "../auth/session-context";
import { useAccountChoices } from "../programme/programme.api";
import { useUserOptions } from "../users/users.api";
import { recentQuarters } from "./kpi-format";
import { useKpiDefinitions, useScorecard, type ScorecardSubject } from "./kpis.api";
import { KpisTabs } from "./KpisTabs";
import { ScorecardConfigEditor } from "./ScorecardConfigEditor";
import { ScorecardView } from "./ScorecardView";

type View = "programme" | "manager" | "account";
const VIEWS: readonly View[] = ["programme", "manager", "account"];

function AccountPicker({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const choices = useAccountChoices(debounced);
  const data = (choices.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }));
  return (
    <Select
      label={t("kpis.scorecard.account")} placeholder={t("kpis.scorecard.pickAccount")} searchable clearable data={data} value={value} w={280}
      searchValue={search} onSearchChange={setSearch} onChange={onChange} nothingFoundMessage={t("kpis.scorecard.noAccountMatch")}
    />
  );
}

/** Balanced scorecards for the programme, an account manager or an account, by quarter; directors configure them here. */
export function ScorecardsPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const [configuring, { open: configure, close: closeConfigure }] = useDisclosure(false);
  const seesAll = me.role === "admin" || me.role === "director";
  const view: View = VIEWS.includes(params.get("view") as View) ? (params.get("view") as View) : "programme";
  const quarter = params.get("quarter");
  const userId = seesAll ? (params.get("userId") ?? me.user.id) : me.user.id;
  const accountId = params.get("accountId");
  const users = useUserOptions();
  const definitions = useKpiDefinitions();
  const subject: ScorecardSubject | null = view === "programme" ? { kind: "programme" } : view === "manager" ? { kind: "manager", userId } : accountId ? { kind: "account", accountId } : null;
  const card = useScorecard(subject, quarter);
  const quarters = recentQuarters(new Date());
  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t("kpis.title")} description={t("kpis.scorecard.subtitle")}
        actions={seesAll ? <Button variant="default" leftSection={<IconAdjustments size={16} />} onClick={configure}>{t("kpis.config.open")}</Button> : undefined}
      />
      <KpisTabs current="scorecards" />
      <Group align="flex-end" mb="md" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="scorecard-of">{t("kpis.scorecard.of")}</Text>
          <SegmentedControl
            aria-labelledby="scorecard-of" value={view} onChange={(v) => set({ view: v === "programme" ? null : v })}
            data={VIEWS.map((v) => ({ value: v, label: t(`kpis.scorecard.views.${v}`) }))}
          />
        </Stack>
        {view === "manager" && (
          <Select
            label={t("kpis.scorecard.manager")} w={240} disabled={!seesAll} value={userId} allowDeselect={false} searchable
            data={seesAll ? (users.data?.items ?? []).map((u) => ({ value: u.id, label: u.name })) : [{ value: me.user.id, label: me.user.name }]}
            onChange={(v) => set({ userId: v })}
          />
        )}
        {view === "account" && <AccountPicker value={accountId} onChange={(v) => set({ accountId: v })} />}
        <Select
          label={t("kpis.scorecard.quarter")} w={140} allowDeselect={false} value={quarter ?? quarters[0]!} data={quarters}
          onChange={(v) => set({ quarter: v === quarters[0] ? null : v })}
        />
      </Group>
      {subject === null ? (
        <Paper withBorder radius="md">
          <EmptyHint icon={<IconBuildingSkyscraper />} title={t("kpis.scorecard.pickAccountTitle")} description={t("kpis.scorecard.pickAccountText")} />
        </Paper>
      ) : card.isError ? (
        <ErrorState error={card.error} onRetry={() => void card.refetch()} />
      ) : !card.data || !definitions.data ? (
        <Stack><Skeleton height={110} /><Skeleton height={260} /></Stack>
      ) : (
        <>
          {card.data.subject.kind === "programme" && (
            <Text size="sm" c="dimmed" mb="sm">{t(`kpis.scorecard.cohort.${card.data.subject.cohort}`)}</Text>
          )}
          <ScorecardView card={card.data} definitions={definitions.data} />
        </>
      )}
      {configuring && <ScorecardConfigEditor opened onClose={closeConfigure} />}
    </>
  );
}
