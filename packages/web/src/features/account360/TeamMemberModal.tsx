import { Button, Group, Modal, NumberInput, Select, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { TTeamMember } from "@openkam/contracts";
import { TEAM_ROLES, type TeamRole } from "@openkam/domain/enums/index";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ConflictDialog } from "../../components/ConflictDialog";
import { notifySaved } from "../../components/notify";
import { useFormSubmit } from "../../components/useFormSubmit";
import { ApiError } from "../../lib/api/api-error";
import { describeConflict, keepMine, type ConflictRow } from "../../lib/conflict";
import { useUserOptions } from "../users/users.api";
import { putTeamMember } from "./account360.api";
import {
  addableUsers, blankTeamMember, teamMemberFields, teamMemberValues, validateTeamMember,
  type TeamMemberFields, type TeamMemberValues,
} from "./team-member-form";

interface Props {
  accountId: string;
  opened: boolean;
  /** The member being edited; null adds someone. */
  member: TTeamMember | null;
  team: readonly TTeamMember[];
  onClose(): void;
  /** After a save, or when the team turned out to have changed: refresh it. */
  onChanged(): Promise<void> | void;
}

interface Conflict {
  rows: ConflictRow[];
  patch: Partial<TeamMemberFields>;
  current: TTeamMember;
}

const isStale = (error: unknown): error is ApiError =>
  error instanceof ApiError && (error.code === "VERSION_CONFLICT" || error.code === "PRECONDITION_FAILED");

/**
 * Adds a member to the account team, or changes a member's role and
 * allocation. A change carries the version read; when someone else changed
 * the member meanwhile, both versions are shown and the user chooses.
 */
export function TeamMemberModal({ accountId, opened, member, team, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const users = useUserOptions();
  const { busy, errors, run } = useFormSubmit();
  const [values, setValues] = useState<TeamMemberValues>(() => (member ? teamMemberValues(member) : blankTeamMember()));
  const [checked, setChecked] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const local = checked ? validateTeamMember(values) : {};
  const set = <K extends keyof TeamMemberValues>(key: K, value: TeamMemberValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const errorOf = (field: keyof TeamMemberValues) => {
    const code = local[field];
    return code ? t(`account360.teamForm.errors.${code}`) : errors[field];
  };

  function save(userId: string, fields: TeamMemberFields, base: TTeamMember | null) {
    return run(async () => {
      try {
        const saved = await putTeamMember(accountId, userId, { ...fields, ...(base ? { version: base.version } : {}) });
        setConflict(null);
        await onChanged();
        notifySaved(t(base ? "account360.teamForm.changed" : "account360.teamForm.added", { name: saved.userName }));
        onClose();
      } catch (error) {
        if (!isStale(error) || !base) throw error;
        const current = error.current as TTeamMember | null | undefined;
        if (current) {
          const patch = fields;
          setConflict({ rows: describeConflict(teamMemberFields(base), patch, teamMemberFields(current)), patch, current });
        } else {
          notifications.show({ color: "orange", message: t("account360.teamForm.goneMeanwhile", { name: base.userName }) });
          setConflict(null);
          await onChanged();
          onClose();
        }
      }
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(validateTeamMember(values)).length > 0 || !values.userId || values.allocationPct === "") return;
    void save(values.userId, { teamRole: values.teamRole, allocationPct: values.allocationPct }, member);
  }

  const options = member
    ? [{ value: member.userId, label: member.userName }]
    : addableUsers(users.data?.items ?? [], team).map((u) => ({ value: u.id, label: u.name }));
  const formatValue = (field: string, value: unknown) =>
    value === null || value === undefined ? "—" : field === "teamRole" ? t(`enums.teamRole.${String(value)}`) : `${String(value)}%`;

  return (
    <>
      <Modal
        opened={opened && !conflict}
        onClose={onClose}
        title={member ? t("account360.teamForm.editTitle", { name: member.userName }) : t("account360.teamForm.addTitle")}
      >
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Select
              label={t("account360.member")}
              placeholder={t("account360.teamForm.pickUser")}
              data={options}
              value={values.userId}
              onChange={(v) => set("userId", v)}
              disabled={member !== null}
              searchable
              required
              nothingFoundMessage={users.isPending ? t("account360.teamForm.loadingUsers") : t("account360.teamForm.noUsers")}
              error={errorOf("userId")}
              data-autofocus
            />
            <Select
              label={t("account360.teamRole")}
              data={TEAM_ROLES.map((r) => ({ value: r, label: t(`enums.teamRole.${r}`) }))}
              value={values.teamRole}
              onChange={(v) => v && set("teamRole", v as TeamRole)}
              allowDeselect={false}
              required
              error={errorOf("teamRole")}
            />
            <NumberInput
              label={t("account360.allocation")}
              description={t("account360.teamForm.allocationHint")}
              value={values.allocationPct}
              onChange={(v) => set("allocationPct", v === "" ? "" : Number(v))}
              min={0}
              max={100}
              step={5}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="strict"
              suffix="%"
              required
              error={errorOf("allocationPct")}
            />
            {!member && users.isSuccess && options.length === 0 && <Text size="sm" c="dimmed">{t("account360.teamForm.everyoneOnTeam")}</Text>}
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={onClose}>{t("common.cancel")}</Button>
              <Button type="submit" loading={busy}>{member ? t("common.save") : t("account360.teamForm.add")}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <ConflictDialog
        rows={conflict?.rows ?? null}
        busy={busy}
        fieldLabel={(field) => (field === "teamRole" ? t("account360.teamRole") : t("account360.allocation"))}
        formatValue={formatValue}
        onKeepMine={() => {
          if (!conflict || !member) return;
          const { version: _version, ...mine } = keepMine(teamMemberFields(member), conflict.patch, conflict.current);
          void save(member.userId, { ...teamMemberFields(conflict.current), ...mine }, conflict.current);
        }}
        onTakeTheirs={() => {
          setConflict(null);
          void onChanged();
          onClose();
        }}
      />
    </>
  );
}
