import { Badge, Button, Grid, Skeleton, Stack, Tabs } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconArchive, IconPencil, IconSend } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { ErrorState } from "../../components/ErrorState";
import { notifyFailed, notifySaved } from "../../components/notify";
import { PageHeader } from "../../components/PageHeader";
import { useSession } from "../auth/session-context";
import { InvitationsPanel } from "./InvitationsPanel";
import { ResultsPanel } from "./ResultsPanel";
import { SchedulesPanel } from "./SchedulesPanel";
import { SendDialog } from "./SendDialog";
import { SurveyPreview } from "./SurveyPreview";
import { canManageSurveys, localized } from "./SurveysPage";
import { updateSurvey, useSurvey, useSurveysRefresh } from "./surveys.api";

/** One survey: its results, questions, schedules and invitations, and "send now". */
export function SurveyPage() {
  const { id = "" } = useParams();
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const survey = useSurvey(id);
  const refresh = useSurveysRefresh();
  const [sending, { open: openSend, close: closeSend }] = useDisclosure(false);
  const canManage = canManageSurveys(me.role);

  if (survey.isError) return <><PageHeader title={t("surveys.title")} /><ErrorState error={survey.error} onRetry={() => void survey.refetch()} /></>;
  if (!survey.data) return <><PageHeader title={t("surveys.title")} /><Skeleton height={300} /></>;
  const s = survey.data;
  const archive = async () => {
    try {
      await updateSurvey(s, { archived: !s.archived });
      await refresh();
      notifySaved(s.archived ? t("surveys.restored") : t("surveys.archivedNotice"));
    } catch (error) {
      notifyFailed(error);
    }
  };

  return (
    <>
      <PageHeader
        title={localized(s.title, i18n.language)}
        description={<>{t("surveys.counts", { invited: s.invited, responded: s.responded })} {s.archived && <Badge color="gray" variant="light">{t("surveys.archived")}</Badge>}</>}
        actions={canManage && (
          <>
            <Button variant="default" leftSection={<IconArchive size={16} />} onClick={() => void archive()}>{s.archived ? t("surveys.restore") : t("surveys.archive")}</Button>
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => void navigate(`/surveys/${s.id}/edit`)}>{t("common.edit")}</Button>
            {!s.archived && <Button leftSection={<IconSend size={16} />} onClick={openSend}>{t("surveys.send.open")}</Button>}
          </>
        )}
      />
      <Tabs defaultValue="results" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="results">{t("surveys.tabs.results")}</Tabs.Tab>
          <Tabs.Tab value="questions">{t("surveys.tabs.questions")}</Tabs.Tab>
          <Tabs.Tab value="schedules">{t("surveys.tabs.schedules")}</Tabs.Tab>
          <Tabs.Tab value="invitations">{t("surveys.tabs.invitations")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="results"><ResultsPanel surveyId={s.id} /></Tabs.Panel>
        <Tabs.Panel value="questions">
          <Grid>
            <Grid.Col span={{ base: 12, md: 6 }}><Stack><SurveyPreview definition={s.definition} language="en" /></Stack></Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}><Stack><SurveyPreview definition={s.definition} language="zh-CN" /></Stack></Grid.Col>
          </Grid>
        </Tabs.Panel>
        <Tabs.Panel value="schedules"><SchedulesPanel surveyId={s.id} canManage={canManage && !s.archived} /></Tabs.Panel>
        <Tabs.Panel value="invitations"><InvitationsPanel surveyId={s.id} canManage={canManage} /></Tabs.Panel>
      </Tabs>
      <SendDialog surveyId={s.id} opened={sending} onClose={closeSend} onSent={() => void refresh()} />
    </>
  );
}
