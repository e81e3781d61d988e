import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { ACCOUNT_TIERS } from "@openkam/domain/enums/index";
import type { TSendSurveyRequest, TSurveySendResult } from "@openkam/contracts";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { notifyFailed } from "../../components/notify";
import { useAccountChoices } from "../programme/programme.api";
import { sendSurvey } from "./surveys.api";

type Kind = TSendSurveyRequest["target"]["kind"];

/** Send now: choose an account, a tier or the programme cohort, and optionally force the language. */
export function SendDialog({ surveyId, opened, onClose, onSent, accountId }: { surveyId: string; opened: boolean; onClose: () => void; onSent: () => void; accountId?: string }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>("account");
  const [account, setAccount] = useState<string | null>(accountId ?? null);
  const [tier, setTier] = useState<string | null>("strategic");
  const [language, setLanguage] = useState<string>("auto");
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search, 250);
  const choices = useAccountChoices(q);
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<TSurveySendResult | null>(null);

  const target = kind === "account" ? (account ? { kind, accountId: account } : null) : kind === "tier" ? (tier ? { kind, tier } : null) : { kind };
  const close = () => {
    setResult(null);
    onClose();
  };
  const send = async () => {
    if (!target) return;
    setSending(true);
    try {
      setResult(await sendSurvey(surveyId, { target: target as TSendSurveyRequest["target"], ...(language === "auto" ? {} : { language: language as "en" }) }));
      onSent();
    } catch (error) {
      notifyFailed(error);
    } finally {
      setSending(false);
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={t("surveys.send.title")}>
      {result ? (
        <Stack>
          <Alert color={result.emailFailed > 0 ? "orange" : "teal"} title={t("surveys.send.done")}>
            <Text size="sm">{t("surveys.send.summary", { invited: result.invited, accounts: result.accounts, emailed: result.emailed })}</Text>
            {result.withoutEmail > 0 && <Text size="sm">{t("surveys.send.withoutEmail", { count: result.withoutEmail })}</Text>}
            {result.emailNotConfigured && <Text size="sm">{t("surveys.send.notConfigured")}</Text>}
            {result.emailFailed > 0 && <Text size="sm">{t("surveys.send.failed", { count: result.emailFailed })}</Text>}
          </Alert>
          <Group justify="flex-end"><Button onClick={close}>{t("common.close")}</Button></Group>
        </Stack>
      ) : (
        <Stack>
          <SegmentedControl value={kind} onChange={(v) => setKind(v as Kind)} aria-label={t("surveys.send.target")}
            data={[{ value: "account", label: t("surveys.targets.account") }, { value: "tier", label: t("surveys.targets.tier") }, { value: "cohort", label: t("surveys.targets.cohort") }]} />
          {kind === "account" && (
            <Select
              label={t("surveys.results.account")} searchable value={account} onChange={setAccount} searchValue={search} onSearchChange={setSearch}
              data={(choices.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))} nothingFoundMessage={t("surveys.send.noAccount")}
            />
          )}
          {kind === "tier" && (
            <Select label={t("surveys.targets.tier")} value={tier} onChange={setTier} data={ACCOUNT_TIERS.map((x) => ({ value: x, label: t(`enums.tier.${x}`) }))} />
          )}
          {kind === "cohort" && <Text size="sm" c="dimmed">{t("surveys.send.cohortHint")}</Text>}
          <Select label={t("surveys.send.language")} value={language} onChange={(v) => setLanguage(v ?? "auto")}
            data={[{ value: "auto", label: t("surveys.send.languageAuto") }, { value: "en", label: "English" }, { value: "zh-CN", label: "中文" }]} />
          <Text size="xs" c="dimmed">{t("surveys.send.hint")}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>{t("common.cancel")}</Button>
            <Button onClick={() => void send()} loading={sending} disabled={!target}>{t("surveys.send.submit")}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
