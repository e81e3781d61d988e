import { Alert, Button, Group, List, Modal, Stack, Text, TextInput } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { notifySaved } from "../../components/notify";
import { useFormSubmit } from "../../components/useFormSubmit";
import { formatDate } from "../../lib/format";
import { ruleText } from "./condition-text";
import { createIdentification, useIdentifyCache, useLatestSelection } from "./identify.api";

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Starts an identification: RFM, Pareto and the matrix with their default settings, then the latest selection's rule,
 * all as of one date, made in turn by one background job. The overview then shows each run's progress.
 */
export function IdentificationModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const cache = useIdentifyCache();
  const submit = useFormSubmit();
  const [asOf, setAsOf] = useState("");
  const [dateError, setDateError] = useState<string | null>(null);
  const { latest, pending } = useLatestSelection(opened);

  useEffect(() => {
    if (opened) {
      setAsOf("");
      setDateError(null);
    }
  }, [opened]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const error = asOf !== "" && asOf > today() ? t("identify.identification.futureDate") : null;
    setDateError(error);
    if (error) return;
    await submit.run(async () => {
      const { runs } = await createIdentification(asOf ? { asOf } : {});
      notifySaved(t("identify.identification.started", { count: runs.length }));
      void cache.runsChanged();
      onClose();
      void navigate("/identify");
    });
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t("identify.identification.title")} size="lg">
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t("identify.identification.intro")}</Text>
          <List size="sm" spacing={4}>
            <List.Item>{t("identify.kinds.rfm")}</List.Item>
            <List.Item>{t("identify.kinds.pareto")}</List.Item>
            <List.Item>{t("identify.kinds.matrix")}</List.Item>
            <List.Item>
              {t("identify.kinds.selection")}
              {" — "}
              <Text span size="sm" c="dimmed" data-testid="identification-rule">
                {pending
                  ? t("identify.identification.loadingRule")
                  : latest
                    ? t("identify.identification.rule", { rule: ruleText(t, latest.parameters.rule, latest.currency), date: formatDate(latest.asOf) })
                    : t("identify.identification.noRule")}
              </Text>
            </List.Item>
          </List>
          <TextInput
            type="date"
            label={t("identify.form.asOf")}
            description={t("identify.form.asOfHint")}
            value={asOf}
            max={today()}
            onChange={(e) => setAsOf(e.currentTarget.value)}
            error={dateError ?? submit.errors.asOf}
            data-autofocus
          />
          <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} />}>{t("identify.identification.note")}</Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t("common.cancel")}</Button>
            <Button type="submit" loading={submit.busy}>{t("identify.identification.run")}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
