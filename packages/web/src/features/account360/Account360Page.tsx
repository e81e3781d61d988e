import { Anchor, Avatar, Badge, Breadcrumbs, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Tabs, Text, Title, Tooltip } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconPencil, IconPresentationAnalytics } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { ErrorState } from "../../components/ErrorState";
import { usePageTitle } from "../../components/usePageTitle";
import { statusColor, tierColor } from "../../lib/colors";
import { formatDate, formatMoney, formatPercent } from "../../lib/format";
import { useAccount } from "../accounts/accounts.api";
import { useSession } from "../auth/session-context";
import { useUserNames } from "../users/users.api";
import { useSummary } from "./account360.api";
import { ActivityTab } from "./ActivityTab";
import { ContactsTab } from "./ContactsTab";
import { EditAccountModal } from "./EditAccountModal";
import { InteractionsTab } from "./InteractionsTab";
import { OrdersTab } from "./OrdersTab";
import { OverviewTab } from "./OverviewTab";
import { TasksTab } from "./TasksTab";
import { TeamTab } from "./TeamTab";
import { initials } from "../../lib/initials";
import { StakeholdersTab } from "../stakeholders/LazyStakeholdersTab";
import { ServiceTab } from "../service/ServiceTab";
import { GrowthTab } from "../growth/LazyGrowthTab";
import { PlansTab } from "../plans/PlansTab";
import { AccountFeedbackTab } from "../feedback/AccountFeedbackTab";
import { AccountEffortTab } from "../effort/LazyAccountEffortTab";
import { AccountReviewsTab } from "../reviews/LazyAccountReviewsTab";
import { AccountScorecardTab } from "../kpis/AccountScorecardTab";
import { AccountSurveysTab } from "../surveys/AccountSurveysTab";

const TABS = ["overview", "contacts", "stakeholders", "team", "orders", "interactions", "tasks", "activity", "service", "growth", "plans", "feedback", "effort", "reviews", "scorecard", "surveys"] as const;
type Tab = (typeof TABS)[number];

function Figure({ label, value, hint }: { label: string; value: ReactNode; hint?: ReactNode }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text fw={650} size="lg" mt={2} lineClamp={1}>{value}</Text>
      {hint && <Text size="xs" c="dimmed" lineClamp={1}>{hint}</Text>}
    </Paper>
  );
}

export function Account360Page() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const tabParam = params.get("tab");
  const tab: Tab = TABS.includes(tabParam as Tab) ? (tabParam as Tab) : "overview";
  const account = useAccount(id);
  const summary = useSummary(id);
  const names = useUserNames();
  const [editing, { open: edit, close: closeEdit }] = useDisclosure(false);
  usePageTitle(account.data?.name);

  if (account.isError) return <ErrorState error={account.error} onRetry={() => void account.refetch()} />;
  if (!account.data) return <Stack><Skeleton height={40} width="40%" /><SimpleGrid cols={{ base: 2, md: 5 }}>{Array.from({ length: 5 }, (_, i) => <Skeleton key={i} height={72} />)}</SimpleGrid><Skeleton height={320} /></Stack>;

  const a = account.data;
  const s = summary.data;
  const growth = s?.growthPct;
  const canWrite = me.role !== "viewer";

  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to="/accounts" size="sm">{t("accounts.title")}</Anchor>
        <Text size="sm">{a.name}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" mb="md" wrap="wrap">
        <Stack gap={6}>
          <Title order={1} size="h2">{a.name}</Title>
          <Group gap="xs">
            <Badge color={tierColor(a.tier)}>{t(`enums.tier.${a.tier}`)}</Badge>
            <Badge color={statusColor(a.status)} variant="dot">{t(`enums.status.${a.status}`)}</Badge>
            {a.industry && <Text size="sm" c="dimmed">{a.industry}</Text>}
            {a.region && <Text size="sm" c="dimmed">· {a.region}</Text>}
            <Text size="sm" c="dimmed">· {t("accounts.fields.owner")}: {a.ownerUserId ? names.get(a.ownerUserId) ?? "…" : t("accounts.noOwner")}</Text>
          </Group>
        </Stack>
        <Group gap="sm">
          {s && s.team.length > 0 && (
            <Tooltip.Group openDelay={200}>
              <Avatar.Group>
                {s.team.slice(0, 5).map((m) => (
                  <Tooltip key={m.userId} label={`${m.name} · ${t(`enums.teamRole.${m.teamRole}`)}`}>
                    <Avatar color="blue" variant="filled" radius="xl" size="md">{initials(m.name)}</Avatar>
                  </Tooltip>
                ))}
                {s.team.length > 5 && <Avatar radius="xl" size="md" variant="filled" color="gray">+{s.team.length - 5}</Avatar>}
              </Avatar.Group>
            </Tooltip.Group>
          )}
          <Button component={Link} to={`/accounts/${id}/qbr`} variant="default" leftSection={<IconPresentationAnalytics size={16} />}>{t("reports.openQbr")}</Button>
          {canWrite && <Button leftSection={<IconPencil size={16} />} onClick={edit}>{t("common.edit")}</Button>}
        </Group>
      </Group>

      <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm" mb="lg">
        {s ? (
          <>
            <Figure
              label={t("account360.revenue12m")}
              value={formatMoney(s.revenueLast12Months, s.currency, { compact: true })}
              hint={<Text span size="xs" c={growth === null || growth === undefined ? "dimmed" : growth >= 0 ? "teal.9" : "red.9"}>{t("account360.growth", { value: formatPercent(growth) })}</Text>}
            />
            <Figure label={t("account360.lastInteraction")} value={s.lastInteraction ? formatDate(s.lastInteraction.occurredAt) : "—"} hint={s.lastInteraction?.subject} />
            <Figure label={t("account360.nextInteraction")} value={s.nextInteraction ? formatDate(s.nextInteraction.occurredAt) : t("account360.nonePlanned")} hint={s.nextInteraction?.subject} />
            <Figure label={t("account360.openTasks")} value={s.openTasks.count} />
            <Figure label={t("account360.team")} value={s.team.length} hint={s.team.find((m) => m.teamRole === "kam_lead")?.name} />
          </>
        ) : summary.isError ? null : (
          Array.from({ length: 5 }, (_, i) => <Skeleton key={i} height={76} radius="md" />)
        )}
      </SimpleGrid>

      <Tabs value={tab} onChange={(v) => setParams(v && v !== "overview" ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          {TABS.map((name) => <Tabs.Tab key={name} value={name}>{t(`account360.tabs.${name}`)}</Tabs.Tab>)}
        </Tabs.List>
        <Tabs.Panel value="overview"><OverviewTab accountId={id} summary={summary} /></Tabs.Panel>
        <Tabs.Panel value="contacts"><ContactsTab accountId={id} canWrite={canWrite} /></Tabs.Panel>
        <Tabs.Panel value="stakeholders"><StakeholdersTab accountId={id} canWrite={canWrite} /></Tabs.Panel>
        <Tabs.Panel value="team"><TeamTab accountId={id} /></Tabs.Panel>
        <Tabs.Panel value="orders"><OrdersTab accountId={id} /></Tabs.Panel>
        <Tabs.Panel value="interactions"><InteractionsTab accountId={id} /></Tabs.Panel>
        <Tabs.Panel value="tasks"><TasksTab accountId={id} canWrite={canWrite} /></Tabs.Panel>
        <Tabs.Panel value="activity"><ActivityTab accountId={id} /></Tabs.Panel>
        <Tabs.Panel value="service"><ServiceTab accountId={id} canWrite={canWrite} /></Tabs.Panel>
        <Tabs.Panel value="growth"><GrowthTab accountId={id} currency={a.currency} canWrite={canWrite} /></Tabs.Panel>
        <Tabs.Panel value="plans"><PlansTab accountId={id} canWrite={canWrite} /></Tabs.Panel>
        <Tabs.Panel value="feedback"><AccountFeedbackTab accountId={id} canWrite={canWrite} /></Tabs.Panel>
        <Tabs.Panel value="effort"><AccountEffortTab accountId={id} canWrite={canWrite} /></Tabs.Panel>
        <Tabs.Panel value="reviews"><AccountReviewsTab accountId={id} /></Tabs.Panel>
        <Tabs.Panel value="scorecard"><AccountScorecardTab accountId={id} /></Tabs.Panel>
        <Tabs.Panel value="surveys"><AccountSurveysTab accountId={id} /></Tabs.Panel>
      </Tabs>
      <EditAccountModal account={a} opened={editing} onClose={closeEdit} />
    </>
  );
}
