import { ActionIcon, Button, Group, NumberInput, Paper, Select, Stack, Table, Text, Textarea, TextInput, Title } from "@mantine/core";
import { PLAN_ACTION_STATUSES, PLAN_KPI_KINDS, PLAN_RISK_LEVELS } from "@openkam/domain/plans/index";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useUserOptions } from "../users/users.api";
import { dueDateProblems, type PlanDraft } from "./plan-draft";
import { newItemId } from "./plan-format";

interface Props {
  draft: PlanDraft;
  onChange: (draft: PlanDraft) => void;
  readOnly: boolean;
}

const num = (v: number | string, fallback: number) => (typeof v === "number" && Number.isFinite(v) ? v : fallback);

function Section({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="sm"><Title order={2} size="h4">{title}</Title>{action}</Group>
      {children}
    </Paper>
  );
}

/** The plan's sections, each edited in place (or shown read-only when the plan is frozen or the user only reads). */
export function PlanSections({ draft, onChange, readOnly }: Props) {
  const { t } = useTranslation();
  const users = useUserOptions();
  const userOptions = (users.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
  const set = (patch: Partial<PlanDraft>) => onChange({ ...draft, ...patch });
  const lines = (key: "strengths" | "weaknesses" | "opportunities" | "threats" | "customerGoals") => (
    <Textarea
      label={t(`plans.sections.${key}`)} description={readOnly ? undefined : t("plans.onePerLine")} autosize minRows={3} readOnly={readOnly}
      value={draft[key]} onChange={(e) => set({ [key]: e.currentTarget.value })}
    />
  );
  const kpiOptions = PLAN_KPI_KINDS.map((k) => ({ value: k, label: t(`plans.kpi.${k}`) }));
  const statusOptions = PLAN_ACTION_STATUSES.map((s) => ({ value: s, label: t(`plans.actionStatus.${s}`) }));
  const levelOptions = PLAN_RISK_LEVELS.map((l) => ({ value: l, label: t(`plans.level.${l}`) }));
  const problems = dueDateProblems(draft);
  const addButton = (label: string, onClick: () => void) => (readOnly ? undefined : <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={onClick}>{label}</Button>);
  const remove = (label: string, onClick: () => void) => (readOnly ? null : <ActionIcon variant="subtle" color="red" aria-label={label} onClick={onClick}><IconTrash size={16} /></ActionIcon>);

  return (
    <Stack gap="md">
      <Section title={t("plans.sections.situation")}>
        <Textarea aria-label={t("plans.sections.situation")} autosize minRows={3} readOnly={readOnly} value={draft.situation} onChange={(e) => set({ situation: e.currentTarget.value })} />
      </Section>
      <Section title={t("plans.sections.swot")}>
        <Group grow align="flex-start">{lines("strengths")}{lines("weaknesses")}</Group>
        <Group grow align="flex-start" mt="sm">{lines("opportunities")}{lines("threats")}</Group>
      </Section>
      <Section title={t("plans.sections.customerGoalsTitle")}>{lines("customerGoals")}</Section>

      <Section title={t("plans.sections.objectives")} action={addButton(t("plans.addObjective"), () => set({
        objectives: [...draft.objectives, { id: newItemId(), title: "", kpiKind: "revenue", unit: "", baseline: 0, target: 0, current: null, weight: 1 }],
      }))}>
        {draft.objectives.length === 0 ? <Text size="sm" c="dimmed">{t("plans.noObjectives")}</Text> : (
          <Table.ScrollContainer minWidth={860}>
            <Table>
              <Table.Thead><Table.Tr>
                <Table.Th>{t("plans.fields.objective")}</Table.Th><Table.Th w={150}>{t("plans.fields.kpi")}</Table.Th><Table.Th w={80}>{t("plans.fields.unit")}</Table.Th>
                <Table.Th w={110}>{t("plans.fields.baseline")}</Table.Th><Table.Th w={110}>{t("plans.fields.target")}</Table.Th><Table.Th w={110}>{t("plans.fields.current")}</Table.Th>
                <Table.Th w={80}>{t("plans.fields.weight")}</Table.Th><Table.Th w={40} />
              </Table.Tr></Table.Thead>
              <Table.Tbody>
                {draft.objectives.map((o, i) => {
                  const put = (patch: Partial<typeof o>) => set({ objectives: draft.objectives.map((x, k) => (k === i ? { ...x, ...patch } : x)) });
                  return (
                    <Table.Tr key={o.id}>
                      <Table.Td><TextInput aria-label={t("plans.fields.objective")} readOnly={readOnly} value={o.title} maxLength={300} onChange={(e) => put({ title: e.currentTarget.value })} /></Table.Td>
                      <Table.Td><Select aria-label={t("plans.fields.kpi")} readOnly={readOnly} data={kpiOptions} value={o.kpiKind} allowDeselect={false} onChange={(v) => v && put({ kpiKind: v as typeof o.kpiKind })} /></Table.Td>
                      <Table.Td><TextInput aria-label={t("plans.fields.unit")} readOnly={readOnly} value={o.unit} maxLength={30} onChange={(e) => put({ unit: e.currentTarget.value })} /></Table.Td>
                      <Table.Td><NumberInput aria-label={t("plans.fields.baseline")} readOnly={readOnly} value={o.baseline} onChange={(v) => put({ baseline: num(v, 0) })} /></Table.Td>
                      <Table.Td><NumberInput aria-label={t("plans.fields.target")} readOnly={readOnly} value={o.target} onChange={(v) => put({ target: num(v, 0) })} /></Table.Td>
                      <Table.Td><NumberInput aria-label={t("plans.fields.current")} readOnly={readOnly} value={o.current ?? ""} onChange={(v) => put({ current: typeof v === "number" ? v : null })} /></Table.Td>
                      <Table.Td><NumberInput aria-label={t("plans.fields.weight")} readOnly={readOnly} min={0} max={10} value={o.weight} onChange={(v) => put({ weight: Math.round(num(v, 1)) })} /></Table.Td>
                      <Table.Td>{remove(t("plans.remove"), () => set({ objectives: draft.objectives.filter((_, k) => k !== i), actions: draft.actions.map((a) => (a.objectiveId === o.id ? { ...a, objectiveId: null } : a)) }))}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Section>

      <Section title={t("plans.sections.actions")} action={addButton(t("plans.addAction"), () => set({
        actions: [...draft.actions, { id: newItemId(), title: "", ownerUserId: null, dueDate: null, status: "todo", progress: 0, objectiveId: null, taskId: null }],
      }))}>
        {draft.actions.length === 0 ? <Text size="sm" c="dimmed">{t("plans.noActions")}</Text> : (
          <Table.ScrollContainer minWidth={900}>
            <Table>
              <Table.Thead><Table.Tr>
                <Table.Th>{t("plans.fields.action")}</Table.Th><Table.Th w={160}>{t("plans.fields.owner")}</Table.Th><Table.Th w={160}>{t("plans.fields.dueDate")}</Table.Th>
                <Table.Th w={140}>{t("plans.fields.actionStatus")}</Table.Th><Table.Th w={90}>{t("plans.fields.actionProgress")}</Table.Th><Table.Th w={40} />
              </Table.Tr></Table.Thead>
              <Table.Tbody>
                {draft.actions.map((a, i) => {
                  const put = (patch: Partial<typeof a>) => set({ actions: draft.actions.map((x, k) => (k === i ? { ...x, ...patch } : x)) });
                  const problem = problems.get(i);
                  return (
                    <Table.Tr key={a.id}>
                      <Table.Td><TextInput aria-label={t("plans.fields.action")} readOnly={readOnly} value={a.title} maxLength={300} onChange={(e) => put({ title: e.currentTarget.value })} /></Table.Td>
                      <Table.Td><Select aria-label={t("plans.fields.owner")} readOnly={readOnly} data={userOptions} value={a.ownerUserId} clearable searchable onChange={(v) => put({ ownerUserId: v })} /></Table.Td>
                      <Table.Td>
                        <TextInput type="date" aria-label={t("plans.fields.dueDate")} readOnly={readOnly} value={a.dueDate ?? ""} onChange={(e) => put({ dueDate: e.currentTarget.value || null })}
                          error={problem ? t(`plans.errors.${problem}`) : undefined} />
                      </Table.Td>
                      <Table.Td><Select aria-label={t("plans.fields.actionStatus")} readOnly={readOnly} data={statusOptions} value={a.status} allowDeselect={false} onChange={(v) => v && put({ status: v as typeof a.status, progress: v === "done" ? 100 : a.progress })} /></Table.Td>
                      <Table.Td><NumberInput aria-label={t("plans.fields.actionProgress")} readOnly={readOnly} min={0} max={100} suffix="%" value={a.progress} onChange={(v) => put({ progress: Math.min(100, Math.max(0, Math.round(num(v, 0)))) })} /></Table.Td>
                      <Table.Td>{remove(t("plans.remove"), () => set({ actions: draft.actions.filter((_, k) => k !== i) }))}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Section>

      <Section title={t("plans.sections.risks")} action={addButton(t("plans.addRisk"), () => set({
        risks: [...draft.risks, { id: newItemId(), description: "", likelihood: "medium", impact: "medium", mitigation: "" }],
      }))}>
        {draft.risks.length === 0 ? <Text size="sm" c="dimmed">{t("plans.noRisks")}</Text> : (
          <Table.ScrollContainer minWidth={800}>
            <Table>
              <Table.Thead><Table.Tr>
                <Table.Th>{t("plans.fields.risk")}</Table.Th><Table.Th w={120}>{t("plans.fields.likelihood")}</Table.Th><Table.Th w={120}>{t("plans.fields.impact")}</Table.Th>
                <Table.Th>{t("plans.fields.mitigation")}</Table.Th><Table.Th w={40} />
              </Table.Tr></Table.Thead>
              <Table.Tbody>
                {draft.risks.map((r, i) => {
                  const put = (patch: Partial<typeof r>) => set({ risks: draft.risks.map((x, k) => (k === i ? { ...x, ...patch } : x)) });
                  return (
                    <Table.Tr key={r.id}>
                      <Table.Td><TextInput aria-label={t("plans.fields.risk")} readOnly={readOnly} value={r.description} maxLength={1000} onChange={(e) => put({ description: e.currentTarget.value })} /></Table.Td>
                      <Table.Td><Select aria-label={t("plans.fields.likelihood")} readOnly={readOnly} data={levelOptions} value={r.likelihood} allowDeselect={false} onChange={(v) => v && put({ likelihood: v as typeof r.likelihood })} /></Table.Td>
                      <Table.Td><Select aria-label={t("plans.fields.impact")} readOnly={readOnly} data={levelOptions} value={r.impact} allowDeselect={false} onChange={(v) => v && put({ impact: v as typeof r.impact })} /></Table.Td>
                      <Table.Td><TextInput aria-label={t("plans.fields.mitigation")} readOnly={readOnly} value={r.mitigation} maxLength={2000} onChange={(e) => put({ mitigation: e.currentTarget.value })} /></Table.Td>
                      <Table.Td>{remove(t("plans.remove"), () => set({ risks: draft.risks.filter((_, k) => k !== i) }))}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Section>
    </Stack>
  );
}
