import { Button, Group, Modal, Select, Stack, Switch, TextInput } from "@mantine/core";
import type { TCustomerLink } from "@openkam/contracts";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormSubmit } from "../../components/useFormSubmit";
import { useAccountContacts } from "../account360/account360.api";
import { startReview } from "./reviews.api";

/** The half-year around today, a sensible default period for a relationship review. */
function currentHalf(today = new Date()): { start: string; end: string } {
  const y = today.getFullYear();
  return today.getMonth() < 6 ? { start: `${y}-01-01`, end: `${y}-06-30` } : { start: `${y}-07-01`, end: `${y}-12-31` };
}

/** Starts a review: the team, the KAM lead and the directors are invited in the app, the customer by link. */
export function StartReviewModal({ accountId, opened, onClose, onStarted }: {
  accountId: string; opened: boolean; onClose: () => void; onStarted: (cycleId: string, link: TCustomerLink) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const { busy, errors, run } = useFormSubmit();
  const contacts = useAccountContacts(accountId);
  const [title, setTitle] = useState("");
  const [start, setStart] = useState("");
  const [end, setEnd] = useState("");
  const [contactId, setContactId] = useState<string | null>(null);
  const [email, setEmail] = useState("");
  const [language, setLanguage] = useState<"zh-CN" | "en">("zh-CN");
  const [sendEmail, setSendEmail] = useState(true);
  useEffect(() => {
    if (!opened) return;
    const half = currentHalf();
    setTitle(t("reviews.defaultTitle"));
    setStart(half.start);
    setEnd(half.end);
    setContactId(null);
    setEmail("");
  }, [opened, t]);
  const contactOptions = (contacts.data?.items ?? []).map((c) => ({ value: c.id, label: c.email ? `${c.name} · ${c.email}` : c.name }));
  const save = () => run(async () => {
    const created = await startReview(accountId, {
      title, periodStart: start, periodEnd: end, customerContactId: contactId, customerEmail: email.trim() || null, customerLanguage: language, sendEmail,
    });
    onClose();
    await onStarted(created.cycle.id, created.customerLink!);
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t("reviews.start")}>
      <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <Stack>
          <TextInput label={t("reviews.title")} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} maxLength={200} data-autofocus />
          <Group grow align="flex-start">
            <TextInput label={t("reviews.periodStart")} type="date" required value={start} onChange={(e) => setStart(e.currentTarget.value)} error={errors.periodStart} />
            <TextInput label={t("reviews.periodEnd")} type="date" required value={end} onChange={(e) => setEnd(e.currentTarget.value)} error={errors.periodEnd} />
          </Group>
          <Select
            label={t("reviews.customerContact")} description={t("reviews.customerContactHint")} data={contactOptions} value={contactId} onChange={setContactId}
            clearable searchable error={errors.customerContactId} nothingFoundMessage={t("reviews.noContacts")}
          />
          <TextInput label={t("reviews.customerEmail")} description={t("reviews.customerEmailHint")} type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={errors.customerEmail} />
          <Select
            label={t("reviews.customerLanguage")} value={language} onChange={(v) => setLanguage((v as "zh-CN" | "en" | null) ?? "zh-CN")} allowDeselect={false}
            data={[{ value: "zh-CN", label: "中文" }, { value: "en", label: "English" }]}
          />
          <Switch label={t("reviews.sendEmail")} checked={sendEmail} onChange={(e) => setSendEmail(e.currentTarget.checked)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t("common.cancel")}</Button>
            <Button type="submit" loading={busy}>{t("reviews.startButton")}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
