import { Anchor, Badge, Grid, Group, Paper, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageHeader } from "../../components/PageHeader";
import { tierColor } from "../../lib/colors";
import { ActivityFeedCard } from "../activity-feed/ActivityFeedCard";
import { TaskList } from "../account360/TaskList";
import { useAccountsPage } from "../accounts/accounts.api";
import { useSession } from "../auth/session-context";
import { useTasks } from "../tasks/tasks.api";
import { useUserNames } from "../users/users.api";

export function DashboardPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const names = useUserNames();
  const tasks = useTasks({ sort: "dueDate", mine: true, status: ["todo", "in_progress", "blocked"] });
  const key = useAccountsPage({ sort: "-updatedAt", tier: ["strategic", "key"] }, null);
  const atRisk = useAccountsPage({ sort: "-updatedAt", status: ["at_risk"] }, null);

  return (
    <>
      <PageHeader title={t("dashboard.title")} description={t("dashboard.greeting", { name: me.user.name, organization: me.organization.name })} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder p="md" radius="md" h="100%">
            <Group justify="space-between" mb="sm">
              <Title order={2} size="h5">{t("dashboard.myTasks")}</Title>
              <Anchor component={Link} to="/tasks" size="sm">{t("dashboard.seeAll")}</Anchor>
            </Group>
            {tasks.isPending ? <Skeleton height={120} /> : (tasks.data?.items.length ?? 0) > 0 ? <TaskList items={tasks.data!.items.slice(0, 8)} names={names} /> : <Text size="sm" c="dimmed">{t("dashboard.noTasks")}</Text>}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="md">
            <Paper withBorder p="md" radius="md">
              <Group justify="space-between" mb="sm">
                <Title order={2} size="h5">{t("dashboard.keyAccounts")}</Title>
                <Anchor component={Link} to="/accounts?tier=strategic&tier=key" size="sm">{t("dashboard.seeAll")}</Anchor>
              </Group>
              {key.isPending ? <Skeleton height={120} /> : (
                <Stack gap={6}>
                  {(key.data?.items ?? []).slice(0, 6).map((a) => (
                    <Group key={a.id} justify="space-between" wrap="nowrap">
                      <Anchor component={Link} to={`/accounts/${a.id}`} size="sm" truncate>{a.name}</Anchor>
                      <Badge size="sm" color={tierColor(a.tier)}>{t(`enums.tier.${a.tier}`)}</Badge>
                    </Group>
                  ))}
                  {key.data?.items.length === 0 && <Text size="sm" c="dimmed">{t("dashboard.noKeyAccounts")}</Text>}
                </Stack>
              )}
            </Paper>
            <Paper withBorder p="md" radius="md">
              <Group justify="space-between" mb="sm">
                <Title order={2} size="h5">{t("dashboard.atRisk")}</Title>
                <Anchor component={Link} to="/accounts?status=at_risk" size="sm">{t("dashboard.seeAll")}</Anchor>
              </Group>
              {atRisk.isPending ? <Skeleton height={80} /> : (
                <Stack gap={6}>
                  {(atRisk.data?.items ?? []).slice(0, 5).map((a) => (
                    <Anchor key={a.id} component={Link} to={`/accounts/${a.id}`} size="sm">{a.name}</Anchor>
                  ))}
                  {atRisk.data?.items.length === 0 && <Text size="sm" c="dimmed">{t("dashboard.noAtRisk")}</Text>}
                </Stack>
              )}
            </Paper>
          </Stack>
        </Grid.Col>
        {(me.role === "director" || me.role === "admin") && (
          <Grid.Col span={12}>
            <Paper withBorder p="md" radius="md">
              <Group justify="space-between" wrap="wrap">
                <Stack gap={2}>
                  <Title order={2} size="h5">{t("reports.dashboard.cardTitle")}</Title>
                  <Text size="sm" c="dimmed">{t("reports.dashboard.cardText")}</Text>
                </Stack>
                <Anchor component={Link} to="/programme/dashboard" size="sm">{t("reports.dashboard.open")}</Anchor>
              </Group>
            </Paper>
          </Grid.Col>
        )}
        <Grid.Col span={12}><ActivityFeedCard /></Grid.Col>
      </Grid>
    </>
  );
}
