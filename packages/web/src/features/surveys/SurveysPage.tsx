import { Badge, Button, Card, Group, Paper, SimpleGrid, Skeleton, Stack, Tabs, Text } from "@mantine/core";
import { IconClipboardHeart, IconPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { EmptyHint } from "../../components/EmptyHint";
import { ErrorState } from "../../components/ErrorState";
import { PageHeader } from "../../components/PageHeader";
import { formatDate } from "../../lib/format";
import { useSession } from "../auth/session-context";
import { ResultsPanel } from "./ResultsPanel";
import { useSurveys } from "./surveys.api";

export const canManageSurveys = (role: string) => role === "admin" || role === "director";
export const localized = (text: { en: string; "zh-CN": string }, language: string) => (language === "zh-CN" ? text["zh-CN"] : text.en);

/** Surveys: the list, and results across all of them. */
export function SurveysPage() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const surveys = useSurveys();
  const canManage = canManageSurveys(me.role);
  const newButton = canManage && <Button leftSection={<IconPlus size={16} />} onClick={() => void navigate("/surveys/new")}>{t("surveys.new")}</Button>;

  return (
    <>
      <PageHeader title={t("surveys.title")} description={t("surveys.subtitle")} actions={newButton} />
      <Tabs defaultValue="surveys" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="surveys">{t("surveys.tabs.surveys")}</Tabs.Tab>
          <Tabs.Tab value="results">{t("surveys.tabs.results")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="surveys">
          {surveys.isError ? <ErrorState error={surveys.error} onRetry={() => void surveys.refetch()} />
            : !surveys.data ? <Stack><Skeleton height={90} /><Skeleton height={90} /></Stack>
            : surveys.data.items.length === 0 ? (
              <Paper withBorder radius="md">
                <EmptyHint icon={<IconClipboardHeart />} title={t("surveys.emptyTitle")} description={t("surveys.emptyText")}>
                  {canManage ? newButton : <Text size="sm" c="dimmed">{t("surveys.askDirector")}</Text>}
                </EmptyHint>
              </Paper>
            ) : (
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
                {surveys.data.items.map((s) => (
                  <Card key={s.id} withBorder radius="md" component={Link} to={`/surveys/${s.id}`} data-testid="survey-card">
                    <Group justify="space-between" align="flex-start" wrap="nowrap">
                      <Text fw={650}>{localized(s.title, i18n.language)}</Text>
                      {s.archived && <Badge color="gray" variant="light">{t("surveys.archived")}</Badge>}
                    </Group>
                    <Text size="sm" c="dimmed" mt={4}>{t("surveys.questionCount", { count: s.definition.questions.length })}</Text>
                    <Text size="sm" mt="xs">{t("surveys.counts", { invited: s.invited, responded: s.responded })}</Text>
                    <Text size="xs" c="dimmed">{s.lastSentAt ? t("surveys.lastSent", { date: formatDate(s.lastSentAt) }) : t("surveys.neverSent")}</Text>
                  </Card>
                ))}
              </SimpleGrid>
            )}
        </Tabs.Panel>
        <Tabs.Panel value="results"><ResultsPanel /></Tabs.Panel>
      </Tabs>
    </>
  );
}
