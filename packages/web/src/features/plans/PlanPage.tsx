import { Alert, Anchor, Badge, Breadcrumbs, Button, Drawer, Group, Modal, Paper, Progress, Skeleton, Stack, Text, Textarea, TextInput, Title, UnstyledButton } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconCheck, IconDeviceFloppy, IconFileTypePdf, IconHistory, IconMessageReport, IconSend, IconTrash } from "@tabler/icons-react";
import type { TPlan } from "@openkam/contracts";
import { canApprovePlans } from "@openkam/domain/plans/index";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { confirmAction } from "../../components/confirm";
import { ErrorState } from "../../components/ErrorState";
import { notifyFailed, notifySaved } from "../../components/notify";
import { usePageTitle } from "../../components/usePageTitle";
import { formatDate, formatDateTime } from "../../lib/format";
import { useAccount } from "../accounts/accounts.api";
import { useSession } from "../auth/session-context";
import { draftOf, dueDateProblems, requestOf, type PlanDraft } from "./plan-draft";
import { STATUS_COLOR } from "./plan-format";
import { PlanSections } from "./PlanSections";
import { planLang, planPdfUrl, useDeletePlan, usePlan, usePlanVersion, usePlanVersions, useSavePlan, useTransitionPlan, type PlanTransition } from "./plans.api";

function VersionsDrawer({ plan, opened, onClose }: { plan: TPlan; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const versions = usePlanVersions(plan.id, opened);
  const [shown, setShown] = useState<number | null>(null);
  const version = usePlanVersion(plan.id, shown);
  return (
    <Drawer opened={opened} onClose={() => { setShown(null); onClose(); }} position="right" size="xl" title={t("plans.versions")}>
      {shown !== null ? (
        <Stack>
          <Button variant="subtle" onClick={() => setShown(null)} w="fit-content">{t("plans.backToVersions")}</Button>
          {version.data ? (
            <>
              <Group gap="xs">
                <Title order={3} size="h4">{t("plans.versionN", { n: version.data.version })} · {version.data.title}</Title>
                <Badge color={STATUS_COLOR[version.data.status]} variant="light">{t(`plans.status.${version.data.status}`)}</Badge>
              </Group>
              <Text size="sm" c="dimmed">{formatDate(version.data.periodStart)} – {formatDate(version.data.periodEnd)}</Text>
              <PlanSections draft={draftOf(version.data)} onChange={() => undefined} readOnly />
            </>
          ) : version.isError ? <ErrorState error={version.error} /> : <Skeleton height={300} />}
        </Stack>
      ) : versions.isPending ? <Skeleton height={200} /> : versions.isError ? <ErrorState error={versions.error} /> : (
        <Stack gap="xs">
          {versions.data.items.map((v) => (
            <UnstyledButton key={v.version} onClick={() => setShown(v.version)} aria-label={t("plans.viewVersion", { n: v.version })}>
              <Paper withBorder p="sm" radius="md">
                <Group justify="space-between">
                  <Group gap="xs">
                    <Text fw={600}>{t("plans.versionN", { n: v.version })}</Text>
                    <Text size="sm">{t(`plans.change.${v.change}`)}</Text>
                    {plan.approvedVersion === v.version && <Badge color="teal" size="sm">{t("plans.approvedMark")}</Badge>}
                  </Group>
                  <Text size="xs" c="dimmed">{v.createdByName ?? "—"} · {formatDateTime(v.createdAt)}</Text>
                </Group>
              </Paper>
            </UnstyledButton>
          ))}
        </Stack>
      )}
    </Drawer>
  );
}

/** /accounts/:id/plans/:planId: one account plan, edited in place, with its approval, versions and PDF. */
export function PlanPage() {
  const { id: accountId = "", planId = "" } = useParams();
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const account = useAccount(accountId);
  const plan = usePlan(planId);
  const save = useSavePlan(planId);
  const transition = useTransitionPlan(planId);
  const remove = useDeletePlan({ id: planId, accountId });
  const [draft, setDraft] = useState<PlanDraft | null>(null);
  const [draftVersion, setDraftVersion] = useState<number | null>(null);
  const [dirty, setDirty] = useState(false);
  const [versionsOpen, versions] = useDisclosure(false);
  const [reviewing, review] = useDisclosure(false);
  const [comment, setComment] = useState("");
  usePageTitle(plan.data?.title);

  // A newer version from the server (own save or a reload) replaces the draft unless the user is typing.
  if (plan.data && plan.data.version !== draftVersion && !dirty) {
    setDraftVersion(plan.data.version);
    setDraft(draftOf(plan.data));
  }

  if (plan.isError) return <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />;
  if (!plan.data || !draft) return <Stack><Skeleton height={40} width="50%" /><Skeleton height={80} /><Skeleton height={400} /></Stack>;

  const p = plan.data;
  const canWrite = me.role !== "viewer";
  const canApprove = canApprovePlans(me.role);
  const frozen = p.status === "submitted";
  const readOnly = !canWrite || frozen;
  const edit = (next: PlanDraft) => { setDraft(next); setDirty(true); };
  const hasProblems = dueDateProblems(draft).size > 0 || draft.title.trim() === "" || draft.periodEnd < draft.periodStart;

  const onSave = async () => {
    try {
      await save.mutateAsync({ ...requestOf(draft), version: p.version });
      setDirty(false);
      notifySaved(t("plans.saved"));
    } catch (error) {
      notifyFailed(error);
    }
  };
  const discard = async () => {
    setDirty(false);
    setDraftVersion(null);
    await plan.refetch();
  };
  const move = async (kind: PlanTransition, text?: string) => {
    try {
      await transition.mutateAsync({ transition: kind, version: p.version, ...(text ? { comment: text } : {}) });
      notifySaved(t(`plans.moved.${kind}`));
      review.close();
      setComment("");
    } catch (error) {
      notifyFailed(error);
    }
  };
  const onDelete = async () => {
    const ok = await confirmAction({ title: t("plans.deleteTitle"), message: t("plans.deleteText", { title: p.title }), confirmLabel: t("common.delete"), danger: true });
    if (!ok) return;
    try {
      await remove.mutateAsync(p.version);
      notifySaved(t("plans.deleted"));
      void navigate(`/accounts/${accountId}?tab=plans`);
    } catch (error) {
      notifyFailed(error);
    }
  };

  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to="/accounts" size="sm">{t("accounts.title")}</Anchor>
        <Anchor component={Link} to={`/accounts/${accountId}?tab=plans`} size="sm">{account.data?.name ?? "…"}</Anchor>
        <Text size="sm">{p.title}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" mb="md" wrap="wrap">
        <Stack gap={6} style={{ flex: 1, minWidth: 280 }}>
          {readOnly ? <Title order={1} size="h2">{p.title}</Title> : (
            <TextInput aria-label={t("plans.fields.title")} size="lg" value={draft.title} maxLength={200} onChange={(e) => edit({ ...draft, title: e.currentTarget.value })}
              error={draft.title.trim() === "" ? t("plans.errors.titleRequired") : undefined} />
          )}
          <Group gap="xs">
            <Badge color={STATUS_COLOR[p.status]} data-testid="plan-status">{t(`plans.status.${p.status}`)}</Badge>
            <Text size="sm" c="dimmed">{t("plans.versionN", { n: p.version })}</Text>
            {p.approvedVersion !== null && <Text size="sm" c="teal.8">· {t("plans.approvedVersion", { n: p.approvedVersion })}</Text>}
            {p.progress !== null && <Group gap={6}><Progress value={p.progress} w={100} aria-label={t("plans.fields.progress")} /><Text size="sm">{p.progress}%</Text></Group>}
          </Group>
          <Group gap="xs">
            <TextInput type="date" size="xs" aria-label={t("plans.fields.periodStart")} readOnly={readOnly} value={draft.periodStart} onChange={(e) => edit({ ...draft, periodStart: e.currentTarget.value })} />
            <Text size="sm">–</Text>
            <TextInput type="date" size="xs" aria-label={t("plans.fields.periodEnd")} readOnly={readOnly} value={draft.periodEnd} onChange={(e) => edit({ ...draft, periodEnd: e.currentTarget.value })}
              error={draft.periodEnd < draft.periodStart ? t("plans.errors.periodOrder") : undefined} />
          </Group>
        </Stack>
        <Group gap="sm">
          <Button variant="default" leftSection={<IconHistory size={16} />} onClick={versions.open}>{t("plans.versions")}</Button>
          <Button component="a" href={planPdfUrl(p.id, planLang(i18n.language))} download variant="default" leftSection={<IconFileTypePdf size={16} />}>{t("plans.downloadPdf")}</Button>
          {canWrite && <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => void onDelete()}>{t("common.delete")}</Button>}
        </Group>
      </Group>

      <Paper withBorder radius="md" p="sm" mb="md" bg="var(--mantine-color-gray-0)">
        <Group justify="space-between" wrap="wrap">
          <Text size="sm">{t(`plans.statusHint.${p.status}`)}{p.reviewComment && <Text span fs="italic"> — “{p.reviewComment}”</Text>}</Text>
          <Group gap="xs">
            {canWrite && !readOnly && (
              <>
                {dirty && <Button variant="default" onClick={() => void discard()}>{t("plans.discard")}</Button>}
                <Button leftSection={<IconDeviceFloppy size={16} />} onClick={() => void onSave()} disabled={!dirty || hasProblems} loading={save.isPending}>{t("common.save")}</Button>
              </>
            )}
            {canWrite && (p.status === "draft" || p.status === "changes_requested") && (
              <Button variant="light" leftSection={<IconSend size={16} />} disabled={dirty} loading={transition.isPending} onClick={() => void move("submit")}>{t("plans.submit")}</Button>
            )}
            {canApprove && p.status === "submitted" && (
              <>
                <Button variant="light" color="orange" leftSection={<IconMessageReport size={16} />} onClick={review.open}>{t("plans.requestChanges")}</Button>
                <Button color="teal" leftSection={<IconCheck size={16} />} loading={transition.isPending} onClick={() => void move("approve")}>{t("plans.approve")}</Button>
              </>
            )}
          </Group>
        </Group>
      </Paper>
      {dirty && p.status === "approved" && <Alert color="yellow" mb="md">{t("plans.reopenWarning")}</Alert>}

      <PlanSections draft={draft} onChange={edit} readOnly={readOnly} />

      <VersionsDrawer plan={p} opened={versionsOpen} onClose={versions.close} />
      <Modal opened={reviewing} onClose={review.close} title={t("plans.requestChanges")}>
        <form onSubmit={(e) => { e.preventDefault(); if (comment.trim()) void move("request-changes", comment.trim()); }}>
          <Stack>
            <Textarea label={t("plans.fields.comment")} required autosize minRows={3} maxLength={2000} value={comment} onChange={(e) => setComment(e.currentTarget.value)} data-autofocus />
            <Group justify="flex-end">
              <Button variant="default" onClick={review.close}>{t("common.cancel")}</Button>
              <Button type="submit" color="orange" disabled={comment.trim() === ""} loading={transition.isPending}>{t("plans.sendBack")}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
