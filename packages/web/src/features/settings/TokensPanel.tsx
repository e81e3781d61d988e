import { Alert, Badge, Button, Code, CopyButton, Group, Modal, Paper, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { TApiTokenListItem } from "@openkam/contracts";
import type { TApiTokenList } from "../../lib/api/contract-types";
import { ORG_ROLES, type OrgRole } from "@openkam/domain/enums/index";
import { roleAtMost } from "@openkam/domain/access/roles";
import { IconKey, IconPlus } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { confirmAction } from "../../components/confirm";
import { EmptyHint } from "../../components/EmptyHint";
import { ErrorState } from "../../components/ErrorState";
import { useFormSubmit } from "../../components/useFormSubmit";
import { notifyFailed, notifySaved } from "../../components/notify";
import { TableSkeleton } from "../../components/TableSkeleton";
import { api } from "../../lib/api/client";
import { formatDateTime } from "../../lib/format";
import { useSession } from "../auth/session-context";

const TOKENS_KEY = ["tokens"];

export function TokensPanel() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: TOKENS_KEY, queryFn: () => api.get<TApiTokenList>("/api/tokens") });
  const [creating, { open, close }] = useDisclosure(false);
  const items = tokens.data?.items ?? [];

  async function revoke(token: TApiTokenListItem) {
    const ok = await confirmAction({ title: t("settings.tokens.revokeTitle"), message: t("settings.tokens.revokeText", { name: token.name }), confirmLabel: t("settings.tokens.revoke"), danger: true });
    if (!ok) return;
    await api.delete(`/api/tokens/${token.id}`).then(() => notifySaved(t("settings.tokens.revoked")), notifyFailed);
    await queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
  }

  return (
    <>
      <Group justify="space-between" mb="sm">
        <Text c="dimmed" size="sm">{t("settings.tokens.intro")}</Text>
        {items.length > 0 && <Button leftSection={<IconPlus size={16} />} onClick={open}>{t("settings.tokens.create")}</Button>}
      </Group>
      <Paper withBorder radius="md">
        {tokens.isPending ? <TableSkeleton rows={3} /> : tokens.isError ? <ErrorState error={tokens.error} /> : items.length === 0 ? (
          <EmptyHint icon={<IconKey />} title={t("settings.tokens.emptyTitle")} description={t("settings.tokens.emptyText")}>
            <Button onClick={open}>{t("settings.tokens.create")}</Button>
          </EmptyHint>
        ) : (
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("settings.tokens.name")}</Table.Th>
                <Table.Th>{t("settings.tokens.role")}</Table.Th>
                <Table.Th>{t("settings.tokens.owner")}</Table.Th>
                <Table.Th>{t("settings.tokens.lastUsed")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((token) => (
                <Table.Tr key={token.id}>
                  <Table.Td><Text size="sm" fw={500}>{token.name}</Text><Code>{token.prefix}…</Code></Table.Td>
                  <Table.Td>{t(`enums.role.${token.role}`)}</Table.Td>
                  <Table.Td>{token.owner.name}</Table.Td>
                  <Table.Td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t("settings.tokens.never")}</Table.Td>
                  <Table.Td ta="right">
                    {token.revokedAt ? <Badge color="gray">{t("settings.tokens.revokedBadge")}</Badge> : (
                      <Button size="xs" variant="subtle" color="red" onClick={() => void revoke(token)}>{t("settings.tokens.revoke")}</Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <CreateTokenModal opened={creating} onClose={() => { close(); void queryClient.invalidateQueries({ queryKey: TOKENS_KEY }); }} />
    </>
  );
}

/** The secret is shown once, right after creation; only its hash is stored. */
function CreateTokenModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const [name, setName] = useState("");
  const [role, setRole] = useState<OrgRole>(me.role);
  const [secret, setSecret] = useState<string | null>(null);
  const { busy, errors, run, clearError } = useFormSubmit();

  function submit(event: FormEvent) {
    event.preventDefault();
    return run(async () => {
      const created = await api.post<{ token: string }>("/api/tokens", { name, role });
      setSecret(created.token);
    });
  }

  function done() {
    setSecret(null);
    setName("");
    onClose();
  }

  return (
    <Modal opened={opened} onClose={done} title={t("settings.tokens.create")} closeOnClickOutside={!secret}>
      {secret ? (
        <Stack gap="sm">
          <Alert color="orange">{t("settings.tokens.showOnce")}</Alert>
          <Code block style={{ wordBreak: "break-all" }}>{secret}</Code>
          <Group justify="flex-end">
            <CopyButton value={secret}>{({ copied, copy }) => <Button variant="light" onClick={copy}>{copied ? t("settings.tokens.copied") : t("settings.tokens.copy")}</Button>}</CopyButton>
            <Button onClick={done}>{t("common.done")}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack gap="sm">
            <TextInput label={t("settings.tokens.name")} description={t("settings.tokens.nameHint")} required value={name} onChange={(e) => { setName(e.currentTarget.value); clearError("name"); }} error={errors.name} data-autofocus />
            <Select label={t("settings.tokens.role")} data={ORG_ROLES.filter((r) => roleAtMost(r, me.role)).map((r) => ({ value: r, label: t(`enums.role.${r}`) }))} value={role} onChange={(v) => v && setRole(v as OrgRole)} allowDeselect={false} />
            <Group justify="flex-end">
              <Button variant="default" onClick={done}>{t("common.cancel")}</Button>
              <Button type="submit" loading={busy} disabled={!name.trim()}>{t("common.create")}</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
