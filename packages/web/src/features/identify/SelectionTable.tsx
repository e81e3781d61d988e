import { Anchor, Badge, Button, Checkbox, Group, List, Modal, Select, Stack, Table, Text, Textarea, Tooltip } from "@mantine/core";
import type { TAnalysisResult } from "@openkam/contracts";
import { IconCheck, IconStar, IconX } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { notifications } from "@mantine/notifications";
import { notifyFailed } from "../../components/notify";
import { ApiError } from "../../lib/api/api-error";
import { tierColor } from "../../lib/colors";
import { useSession } from "../auth/session-context";
import { conditionText, valueText } from "./condition-text";
import { promoteAccounts, useIdentifyCache, type RunOf } from "./identify.api";
import { selectionValues } from "./result-values";

const PROMOTION_TIERS = ["key", "strategic"] as const;
type PromotionTier = (typeof PROMOTION_TIERS)[number];
const REASON_MAX = 500;

/** Only directors and admins move accounts into the key tiers (the server checks it too). */
const canPromote = (role: string) => role === "admin" || role === "director";

/** Each condition of the rule for one account: held or not, and the account's own value. */
function ConditionChips({ result, currency }: { result: TAnalysisResult; currency: string }) {
  const { t } = useTranslation();
  const { conditions } = selectionValues(result);
  return (
    <Group gap={4}>
      {conditions.map((c, i) => {
        const actual = valueText(t, c.field, c.actual, currency);
        const text = `${conditionText(t, c, currency)} · ${actual}`;
        return (
          <Badge
            key={`${c.path}-${i}`}
            size="sm"
            tt="none"
            variant="light"
            color={c.held ? "teal" : "red"}
            leftSection={c.held ? <IconCheck size={12} /> : <IconX size={12} />}
            aria-label={t(c.held ? "identify.rules.heldLabel" : "identify.rules.notHeldLabel", { condition: conditionText(t, c, currency), actual })}
            title={text}
          >
            {t(`identify.rules.fields.${c.field}`)}: {actual}
          </Badge>
        );
      })}
    </Group>
  );
}

function PromoteModal({ run, accounts, opened, onClose, onDone }: { run: RunOf<"selection">; accounts: TAnalysisResult[]; opened: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const cache = useIdentifyCache();
  const [tier, setTier] = useState<PromotionTier>("key");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim() === "") {
      setError(t("identify.promote.reasonRequired"));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await promoteAccounts(run.id, { accountIds: accounts.map((a) => a.accountId), tier, reason: reason.trim() });
      notifications.show({
        color: "teal",
        title: t("identify.promote.doneTitle"),
        message: t("identify.promote.done", { promoted: result.promoted, unchanged: result.unchanged, tier: t(`enums.tier.${tier}`) }),
        autoClose: 4000,
      });
      await cache.accountsChanged();
      setReason("");
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors.reason) setError(e.fieldErrors.reason);
      else notifyFailed(e, t("identify.promote.failed"));
    } finally {
      setBusy(false);
    }
  }

  const shown = accounts.slice(0, 8);
  return (
    <Modal opened={opened} onClose={onClose} title={t("identify.promote.title", { count: accounts.length })} centered>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t("identify.promote.intro")}</Text>
          <List size="sm" spacing={2}>
            {shown.map((a) => <List.Item key={a.accountId}>{a.accountName} <Text span c="dimmed" size="xs">({t(`enums.tier.${a.tier}`)})</Text></List.Item>)}
          </List>
          {accounts.length > shown.length && <Text size="xs" c="dimmed">{t("identify.promote.more", { count: accounts.length - shown.length })}</Text>}
          <Select
            label={t("identify.promote.tier")}
            data={PROMOTION_TIERS.map((p) => ({ value: p, label: t(`enums.tier.${p}`) }))}
            value={tier}
            onChange={(v) => v && setTier(v as PromotionTier)}
            allowDeselect={false}
          />
          <Textarea
            label={t("identify.promote.reason")}
            description={t("identify.promote.reasonHint")}
            required
            rows={3}
            maxLength={REASON_MAX}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={error}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t("common.cancel")}</Button>
            <Button type="submit" loading={busy} leftSection={<IconStar size={16} />}>{t("identify.promote.confirm")}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The result list of a selection run: who passed, every condition with the account's value, and promotion. */
export function SelectionTable({ run, items }: { run: RunOf<"selection">; items: TAnalysisResult[] }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [promoting, setPromoting] = useState(false);
  const allowed = canPromote(me.role);
  const onPage = items.filter((r) => selected.has(r.accountId));
  const allChecked = items.length > 0 && onPage.length === items.length;

  const toggle = (id: string) => setSelected((s) => {
    const next = new Set(s);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  });
  const toggleAll = () => setSelected(allChecked ? new Set() : new Set(items.map((r) => r.accountId)));
  const chosen = items.filter((r) => selected.has(r.accountId));

  const promoteButton = (
    <Button leftSection={<IconStar size={16} />} disabled={!allowed || chosen.length === 0} onClick={() => setPromoting(true)}>
      {t("identify.promote.button", { count: chosen.length })}
    </Button>
  );
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">{t("identify.promote.selectedCount", { count: chosen.length })}</Text>
        {allowed ? promoteButton : <Tooltip label={t("identify.promote.notAllowed")}><span>{promoteButton}</span></Tooltip>}
      </Group>
      <Table.ScrollContainer minWidth={1000}>
        <Table highlightOnHover verticalSpacing="xs" data-testid="selection-results">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}><Checkbox aria-label={t("identify.promote.selectAll")} checked={allChecked} indeterminate={onPage.length > 0 && !allChecked} onChange={toggleAll} /></Table.Th>
              <Table.Th>{t("identify.account")}</Table.Th>
              <Table.Th>{t("identify.tier")}</Table.Th>
              <Table.Th>{t("identify.selection.outcome")}</Table.Th>
              <Table.Th>{t("identify.selection.conditions")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((r) => {
              const v = selectionValues(r);
              return (
                <Table.Tr key={r.accountId} bg={selected.has(r.accountId) ? "var(--mantine-color-blue-light)" : undefined}>
                  <Table.Td><Checkbox aria-label={t("identify.promote.selectOne", { name: r.accountName })} checked={selected.has(r.accountId)} onChange={() => toggle(r.accountId)} /></Table.Td>
                  <Table.Td><Anchor component={Link} to={`/accounts/${r.accountId}`} size="sm" fw={500}>{r.accountName}</Anchor></Table.Td>
                  <Table.Td miw={110}><Badge size="sm" color={tierColor(r.tier)}>{t(`enums.tier.${r.tier}`)}</Badge></Table.Td>
                  <Table.Td miw={150}>
                    <Badge size="sm" variant={v.passed ? "filled" : "outline"} color={v.passed ? "grape" : "gray"} leftSection={v.passed ? <IconCheck size={12} /> : <IconX size={12} />}>
                      {t(v.passed ? "identify.selection.selected" : "identify.selection.not_selected")}
                    </Badge>
                  </Table.Td>
                  <Table.Td><ConditionChips result={r} currency={run.currency} /></Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <PromoteModal run={run} accounts={chosen} opened={promoting} onClose={() => setPromoting(false)} onDone={() => { setPromoting(false); setSelected(new Set()); }} />
    </Stack>
  );
}
