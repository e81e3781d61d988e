import { Button, Group, Paper, Select, Text } from "@mantine/core";
import type { TAccount, TUpdateAccountRequest } from "@openkam/contracts";
import { ACCOUNT_TIERS } from "@openkam/domain/enums/index";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { confirmAction } from "../../components/confirm";
import { ApiError } from "../../lib/api/api-error";
import { useUserOptions } from "../users/users.api";
import { updateAccount } from "./accounts.api";

interface Props {
  selected: TAccount[];
  onDone(): void;
}

/** Changes many accounts at once, after a confirmation; each update carries the version it was read at. */
export function BulkActions({ selected, onDone }: Props) {
  const { t } = useTranslation();
  const users = useUserOptions();
  const [owner, setOwner] = useState<string | null>(null);
  const [tier, setTier] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function apply(patch: Omit<TUpdateAccountRequest, "version">, description: string) {
    const ok = await confirmAction({
      title: t("accounts.bulk.confirmTitle", { count: selected.length }),
      message: description,
      confirmLabel: t("accounts.bulk.apply"),
    });
    if (!ok) return;
    setBusy(true);
    const results = await Promise.allSettled(selected.map((a) => updateAccount(a.id, a.version, patch)));
    setBusy(false);
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed.length === 0) {
      notifications.show({ color: "teal", message: t("accounts.bulk.done", { count: selected.length }) });
    } else {
      const reason = failed[0]!.reason instanceof ApiError ? (failed[0]!.reason as ApiError).message : "";
      notifications.show({ color: "orange", title: t("accounts.bulk.partial", { ok: selected.length - failed.length, failed: failed.length }), message: reason, autoClose: 8000 });
    }
    setOwner(null);
    setTier(null);
    onDone();
  }

  const ownerName = users.data?.items.find((u) => u.id === owner)?.name ?? "";
  return (
    <Paper withBorder p="sm" mb="sm" bg="var(--mantine-primary-color-light)" role="region" aria-label={t("accounts.bulk.region")}>
      <Group gap="sm" wrap="wrap">
        <Text fw={600} size="sm">{t("accounts.bulk.selected", { count: selected.length })}</Text>
        <Group gap={6}>
          <Select
            aria-label={t("accounts.bulk.owner")}
            placeholder={t("accounts.bulk.owner")}
            data={(users.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
            value={owner}
            onChange={setOwner}
            searchable
            size="xs"
            w={200}
          />
          <Button size="xs" disabled={!owner} loading={busy} onClick={() => void apply({ ownerUserId: owner }, t("accounts.bulk.ownerConfirm", { count: selected.length, name: ownerName }))}>
            {t("accounts.bulk.assign")}
          </Button>
        </Group>
        <Group gap={6}>
          <Select
            aria-label={t("accounts.bulk.tier")}
            placeholder={t("accounts.bulk.tier")}
            data={ACCOUNT_TIERS.map((v) => ({ value: v, label: t(`enums.tier.${v}`) }))}
            value={tier}
            onChange={setTier}
            size="xs"
            w={160}
          />
          <Button
            size="xs"
            disabled={!tier}
            loading={busy}
            onClick={() => void apply({ tier: tier as TAccount["tier"] }, t("accounts.bulk.tierConfirm", { count: selected.length, tier: tier ? t(`enums.tier.${tier}`) : "" }))}
          >
            {t("accounts.bulk.change")}
          </Button>
        </Group>
        <Button size="xs" variant="subtle" onClick={onDone}>{t("accounts.bulk.clear")}</Button>
      </Group>
    </Paper>
  );
}
