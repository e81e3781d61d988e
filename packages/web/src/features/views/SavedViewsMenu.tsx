import { ActionIcon, Button, Checkbox, Group, Menu, Modal, Stack, Text, TextInput } from "@mantine/core";
import type { TSavedView, TViewState } from "@openkam/contracts";
import { IconBookmark, IconDeviceFloppy, IconTrash, IconUsers } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { confirmAction } from "../../components/confirm";
import { notifyFailed, notifySaved } from "../../components/notify";
import { ApiError } from "../../lib/api/api-error";
import { createView, deleteView, overwriteView, useViews, viewKeys } from "./views.api";

interface Props {
  entity: TSavedView["entity"];
  current: TViewState;
  onApply(state: TViewState): void;
}

/** Named filter/sort/column sets of a list: apply, save the current one, overwrite or delete your own. */
export function SavedViewsMenu({ entity, current, onApply }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const views = useViews(entity);
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState("");
  const [shared, setShared] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: viewKeys.list(entity) });
  const matches = (v: TSavedView) => JSON.stringify(v.state) === JSON.stringify(current);
  const active = views.data?.items.find(matches);

  async function save(event: FormEvent) {
    event.preventDefault();
    try {
      await createView({ entity, name, state: current, shared });
      notifySaved(t("views.saved", { name }));
      setSaving(false);
      setName("");
      await refresh();
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors.name) setError(e.fieldErrors.name);
      else notifyFailed(e);
    }
  }

  async function remove(view: TSavedView) {
    const ok = await confirmAction({ title: t("views.deleteTitle"), message: t("views.deleteText", { name: view.name }), confirmLabel: t("common.delete"), danger: true });
    if (!ok) return;
    await deleteView(view.id).then(refresh, (e: unknown) => notifyFailed(e));
  }

  async function overwrite(view: TSavedView) {
    await overwriteView(view, current).then(() => { notifySaved(t("views.updated", { name: view.name })); return refresh(); }, (e: unknown) => notifyFailed(e));
  }

  return (
    <>
      <Menu position="bottom-start" width={300} shadow="md">
        <Menu.Target>
          <Button variant="default" leftSection={<IconBookmark size={16} />}>{active ? active.name : t("views.button")}</Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t("views.title")}</Menu.Label>
          {views.data?.items.length === 0 && <Text size="sm" c="dimmed" px="sm" py={4}>{t("views.empty")}</Text>}
          {views.data?.items.map((view) => (
            <Group key={view.id} gap={0} wrap="nowrap">
              <Menu.Item onClick={() => onApply(view.state)} leftSection={view.shared ? <IconUsers size={14} aria-label={t("views.sharedBadge")} /> : null} fw={active?.id === view.id ? 700 : undefined} style={{ flex: 1 }}>
                {view.name}
              </Menu.Item>
              {view.mine && (
                <>
                  <ActionIcon variant="subtle" color="gray" aria-label={t("views.overwrite", { name: view.name })} onClick={() => void overwrite(view)} disabled={matches(view)}>
                    <IconDeviceFloppy size={14} />
                  </ActionIcon>
                  <ActionIcon variant="subtle" color="red" aria-label={t("views.delete", { name: view.name })} onClick={() => void remove(view)}>
                    <IconTrash size={14} />
                  </ActionIcon>
                </>
              )}
            </Group>
          ))}
          <Menu.Divider />
          <Menu.Item leftSection={<IconDeviceFloppy size={14} />} onClick={() => setSaving(true)}>{t("views.saveCurrent")}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={saving} onClose={() => setSaving(false)} title={t("views.saveCurrent")}>
        <form onSubmit={(e) => void save(e)}>
          <Stack gap="sm">
            <TextInput label={t("views.name")} required value={name} onChange={(e) => { setName(e.currentTarget.value); setError(undefined); }} error={error} data-autofocus maxLength={100} />
            <Checkbox label={t("views.share")} checked={shared} onChange={(e) => setShared(e.currentTarget.checked)} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setSaving(false)}>{t("common.cancel")}</Button>
              <Button type="submit" disabled={!name.trim()}>{t("common.save")}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
