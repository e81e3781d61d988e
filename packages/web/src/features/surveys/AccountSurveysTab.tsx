import { Button, Group, Select, Stack } from "@mantine/core";
import { IconSend } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { confirmAction } from "../../components/confirm";
import { notifyFailed, notifySaved } from "../../components/notify";
import { useSession } from "../auth/session-context";
import { ResultsPanel } from "./ResultsPanel";
import { canManageSurveys, localized } from "./SurveysPage";
import { sendSurvey, useSurveys, useSurveysRefresh } from "./surveys.api";

/** The account's survey results and what its people wrote; directors send a survey to its contacts from here. */
export function AccountSurveysTab({ accountId }: { accountId: string }) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const canManage = canManageSurveys(me.role);
  const surveys = useSurveys();
  const refresh = useSurveysRefresh();
  const [surveyId, setSurveyId] = useState<string | null>(null);
  const active = (surveys.data?.items ?? []).filter((s) => !s.archived);

  const send = async () => {
    const survey = active.find((s) => s.id === surveyId);
    if (!survey) return;
    if (!(await confirmAction({ title: t("surveys.account.send"), message: t("surveys.send.hint"), confirmLabel: t("surveys.send.submit") }))) return;
    try {
      const result = await sendSurvey(survey.id, { target: { kind: "account", accountId } });
      notifySaved(t("surveys.send.summary", { invited: result.invited, accounts: result.accounts, emailed: result.emailed }));
      await refresh();
    } catch (error) {
      notifyFailed(error);
    }
  };

  return (
    <Stack>
      {canManage && active.length > 0 && (
        <Group align="flex-end">
          <Select label={t("surveys.account.choose")} value={surveyId} onChange={setSurveyId} w={320}
            data={active.map((s) => ({ value: s.id, label: localized(s.title, i18n.language) }))} />
          <Button leftSection={<IconSend size={16} />} disabled={!surveyId} onClick={() => void send()}>{t("surveys.account.send")}</Button>
        </Group>
      )}
      <ResultsPanel accountId={accountId} compact />
    </Stack>
  );
}
