import { Badge, Button, Group, Modal, Paper, PasswordInput, Select, Stack, Switch, Table, Text, TextInput } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { TCreateUserRequest, TUser } from "@openkam/contracts";
import type { TUserPage } from "../../lib/api/contract-types";
import { ORG_ROLES, type OrgRole } from "@openkam/domain/enums/index";
import { IconUserPlus } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { confirmAction } from "../../components/confirm";
import { ErrorState } from "../../components/ErrorState";
import { useFormSubmit } from "../../components/useFormSubmit";
import { notifyFailed, notifySaved } from "../../components/notify";
import { TableSkeleton } from "../../components/TableSkeleton";
import { api } from "../../lib/api/client";
import { useSession } from "../auth/session-context";

const USERS_KEY = ["users", "list"];

export function UsersPanel() {
  const { t } = useTranslation();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const users = useQuery({ queryKey: USERS_KEY, queryFn: () => api.get<TUserPage>("/api/users", { limit: 200 }) });
  const [adding, { open, close }] = useDisclosure(false);
  const roles = ORG_ROLES.map((r) => ({ value: r, label: t(`enums.role.${r}`) }));

  async function change(user: TUser, patch: { role?: OrgRole; isActive?: boolean }) {
    if (patch.isActive === false) {
      const ok = await confirmAction({ title: t("settings.users.deactivateTitle"), message: t("settings.users.deactivateText", { name: user.name }), confirmLabel: t("settings.users.deactivate"), danger: true });
      if (!ok) return;
    }
    try {
      await api.patch(`/api/users/${user.id}`, { ...patch, version: user.version });
      notifySaved();
    } catch (error) {
      notifyFailed(error);
    }
    await queryClient.invalidateQueries({ queryKey: ["users"] });
  }

  return (
    <>
      <Group justify="space-between" mb="sm">
        <Text c="dimmed" size="sm">{t("settings.users.intro")}</Text>
        <Button leftSection={<IconUserPlus size={16} />} onClick={open}>{t("settings.users.add")}</Button>
      </Group>
      <Paper withBorder radius="md">
        {users.isPending ? <TableSkeleton rows={4} /> : users.isError ? <ErrorState error={users.error} /> : (
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("settings.users.name")}</Table.Th>
                <Table.Th>{t("settings.users.role")}</Table.Th>
                <Table.Th>{t("settings.users.active")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.items.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td><Text size="sm" fw={500}>{u.name} {u.id === me.user.id && <Badge size="xs">{t("settings.users.you")}</Badge>}</Text><Text size="xs" c="dimmed">{u.email}</Text></Table.Td>
                  <Table.Td>
                    <Select aria-label={t("settings.users.roleOf", { name: u.name })} data={roles} value={u.role} onChange={(v) => v && void change(u, { role: v as OrgRole })} allowDeselect={false} size="xs" w={180} disabled={u.id === me.user.id} />
                  </Table.Td>
                  <Table.Td>
                    <Switch aria-label={t("settings.users.activeOf", { name: u.name })} checked={u.isActive} onChange={(e) => void change(u, { isActive: e.currentTarget.checked })} disabled={u.id === me.user.id} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <AddUserModal opened={adding} onClose={close} onAdded={() => void queryClient.invalidateQueries({ queryKey: ["users"] })} roles={roles} />
    </>
  );
}

function AddUserModal({ opened, onClose, onAdded, roles }: { opened: boolean; onClose(): void; onAdded(): void; roles: Array<{ value: string; label: string }> }) {
  const { t } = useTranslation();
  const blank: TCreateUserRequest = { email: "", name: "", password: "", role: "account_manager" };
  const [values, setValues] = useState(blank);
  const { busy, errors, run } = useFormSubmit();

  function submit(event: FormEvent) {
    event.preventDefault();
    return run(async () => {
      await api.post("/api/users", values);
      notifySaved(t("settings.users.added", { name: values.name }));
      setValues(blank);
      onAdded();
      onClose();
    });
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t("settings.users.add")}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <TextInput label={t("settings.users.name")} required value={values.name} onChange={(e) => setValues({ ...values, name: e.currentTarget.value })} error={errors.name} data-autofocus />
          <TextInput label={t("auth.email")} type="email" required value={values.email} onChange={(e) => setValues({ ...values, email: e.currentTarget.value })} error={errors.email} />
          <PasswordInput label={t("settings.users.initialPassword")} description={t("settings.profile.passwordHint")} required value={values.password} onChange={(e) => setValues({ ...values, password: e.currentTarget.value })} error={errors.password} autoComplete="new-password" />
          <Select label={t("settings.users.role")} data={roles} value={values.role} onChange={(v) => v && setValues({ ...values, role: v as OrgRole })} allowDeselect={false} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t("common.cancel")}</Button>
            <Button type="submit" loading={busy}>{t("common.create")}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
