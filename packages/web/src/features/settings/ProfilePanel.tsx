import { Button, Group, Paper, PasswordInput, Stack, TextInput, Title } from "@mantine/core";
import type { TMe, TProfile, TUpdateProfileRequest } from "@openkam/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { notifySaved } from "../../components/notify";
import { useFormSubmit } from "../../components/useFormSubmit";
import { api } from "../../lib/api/client";
import { ME_KEY } from "../auth/auth.api";
import { useSession } from "../auth/session-context";
import { LanguageMenu } from "../shell/LanguageMenu";

export function ProfilePanel() {
  const { t } = useTranslation();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const [name, setName] = useState(me.user.name);
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const { busy, errors, run } = useFormSubmit();

  function submit(event: FormEvent) {
    event.preventDefault();
    const body: TUpdateProfileRequest = { name, ...(newPassword ? { currentPassword, newPassword } : {}) };
    return run(async () => {
      const profile = await api.patch<TProfile>("/api/profile", body);
      queryClient.setQueryData<TMe>(ME_KEY, { ...me, user: { ...me.user, name: profile.name } });
      setCurrentPassword("");
      setNewPassword("");
      notifySaved();
    });
  }

  return (
    <Paper withBorder p="lg" radius="md" maw={560}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h5">{t("settings.profile.title")}</Title>
          <TextInput label={t("settings.profile.email")} value={me.user.email} readOnly />
          <TextInput label={t("settings.profile.name")} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
          <Group gap="xs">{t("settings.profile.language")}: <LanguageMenu /></Group>
          <Title order={3} size="h6" mt="md">{t("settings.profile.changePassword")}</Title>
          <PasswordInput label={t("settings.profile.currentPassword")} autoComplete="current-password" value={currentPassword} onChange={(e) => setCurrentPassword(e.currentTarget.value)} error={errors.currentPassword} />
          <PasswordInput label={t("settings.profile.newPassword")} autoComplete="new-password" description={t("settings.profile.passwordHint")} value={newPassword} onChange={(e) => setNewPassword(e.currentTarget.value)} error={errors.newPassword} />
          <Group justify="flex-end"><Button type="submit" loading={busy}>{t("common.save")}</Button></Group>
        </Stack>
      </form>
    </Paper>
  );
}
