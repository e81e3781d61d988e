import { Button, Center, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { TComment, TCommentSubjectType } from "@openkam/contracts";
import { IconMessageCircle } from "@tabler/icons-react";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { confirmAction } from "../../components/confirm";
import { EmptyHint } from "../../components/EmptyHint";
import { ErrorState } from "../../components/ErrorState";
import { notifyFailed } from "../../components/notify";
import { TableSkeleton } from "../../components/TableSkeleton";
import { formatDateTime } from "../../lib/format";
import { useSession } from "../auth/session-context";
import { useCommentActions, useCommentThread, type CommentSubject } from "./comments.api";
import { mentionsInText, splitMentions, type Mention } from "./mention-text";
import { MentionTextarea } from "./MentionTextarea";

/** The server's limit (COMMENT_MAX_LENGTH in the contracts). */
const MAX_LENGTH = 10_000;

/** A comment's text: plain text (React escapes it), with the people mentioned highlighted. */
function CommentBody({ comment }: { comment: TComment }) {
  return (
    <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
      {splitMentions(comment.body, comment.mentions).map((part, i) =>
        part.mention ? <Text key={i} span fw={600} c="blue">{part.text}</Text> : <Fragment key={i}>{part.text}</Fragment>,
      )}
    </Text>
  );
}

function Composer({ accountId, initial, submitLabel, onSubmit, onCancel, autoFocus }: {
  accountId: string;
  initial?: TComment;
  submitLabel: string;
  onSubmit: (draft: { body: string; mentionedUserIds: string[] }) => Promise<void>;
  onCancel?: () => void;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const [body, setBody] = useState(initial?.body ?? "");
  const [mentions, setMentions] = useState<Mention[]>(initial?.mentions ?? []);
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    if (body.trim() === "" || saving) return;
    setSaving(true);
    try {
      await onSubmit({ body, mentionedUserIds: mentionsInText(body, mentions).map((m) => m.id) });
      if (!initial) {
        setBody("");
        setMentions([]);
      }
    } catch (error) {
      notifyFailed(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Stack gap="xs">
      <MentionTextarea
        accountId={accountId}
        value={body}
        onChange={setBody}
        mentions={mentions}
        onMentionsChange={setMentions}
        onSubmit={() => void submit()}
        label={initial ? undefined : t("comments.newComment")}
        placeholder={t("comments.placeholder")}
        maxLength={MAX_LENGTH}
        autoFocus={autoFocus}
      />
      <Group justify="flex-end" gap="xs">
        {onCancel && <Button variant="default" size="xs" onClick={onCancel}>{t("common.cancel")}</Button>}
        <Button size="xs" loading={saving} disabled={body.trim() === ""} onClick={() => void submit()}>{submitLabel}</Button>
      </Group>
    </Stack>
  );
}

/**
 * The comments on an account, or on a plan or case of it (pass its type and id), newest first,
 * with a box to add one. Authors edit and delete their own; admins may delete any.
 */
export function CommentThread({ accountId, subjectType = "account", subjectId }: { accountId: string; subjectType?: TCommentSubjectType; subjectId?: string }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const subject: CommentSubject = { accountId, subjectType, subjectId: subjectId ?? accountId };
  const thread = useCommentThread(subject);
  const actions = useCommentActions(subject);
  const [editing, setEditing] = useState<string | null>(null);
  const comments = thread.data?.pages.flatMap((p) => p.items) ?? [];
  const canWrite = me.role !== "viewer";

  const remove = async (comment: TComment) => {
    const ok = await confirmAction({ title: t("comments.deleteTitle"), message: t("comments.deleteMessage"), confirmLabel: t("common.delete"), danger: true });
    if (!ok) return;
    await actions.remove(comment).catch((error: unknown) => notifyFailed(error));
  };

  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h5" mb="sm">{t("comments.title")}</Title>
      {canWrite && <Composer accountId={accountId} submitLabel={t("comments.post")} onSubmit={async (draft) => void (await actions.create(draft))} />}
      <Stack gap="sm" mt="md">
        {thread.isPending ? <TableSkeleton rows={3} /> : thread.isError ? <ErrorState error={thread.error} /> : comments.length === 0 ? (
          <EmptyHint icon={<IconMessageCircle />} title={t("comments.empty")} description={t("comments.emptyHint")} />
        ) : (
          comments.map((c) => (
            <Stack key={c.id} id={`comment-${c.id}`} gap={4} pb="sm" style={{ borderBottom: "1px solid var(--mantine-color-default-border)" }}>
              <Group justify="space-between" wrap="nowrap">
                <Group gap={6}>
                  <Text size="sm" fw={600}>{c.author.name}</Text>
                  <Text size="xs" c="dimmed">{formatDateTime(c.createdAt)}</Text>
                  {c.editedAt && <Text size="xs" c="dimmed">{t("comments.edited")}</Text>}
                </Group>
                {editing !== c.id && canWrite && (
                  <Group gap={4}>
                    {c.author.id === me.user.id && <Button variant="subtle" size="compact-xs" onClick={() => setEditing(c.id)}>{t("common.edit")}</Button>}
                    {(c.author.id === me.user.id || me.role === "admin") && (
                      <Button variant="subtle" color="red" size="compact-xs" onClick={() => void remove(c)}>{t("common.delete")}</Button>
                    )}
                  </Group>
                )}
              </Group>
              {editing === c.id ? (
                <Composer
                  accountId={accountId}
                  initial={c}
                  autoFocus
                  submitLabel={t("common.save")}
                  onCancel={() => setEditing(null)}
                  onSubmit={async (draft) => {
                    await actions.update(c, draft);
                    setEditing(null);
                  }}
                />
              ) : (
                <CommentBody comment={c} />
              )}
            </Stack>
          ))
        )}
        {thread.hasNextPage && (
          <Center><Button variant="subtle" loading={thread.isFetchingNextPage} onClick={() => void thread.fetchNextPage()}>{t("common.loadMore")}</Button></Center>
        )}
      </Stack>
    </Paper>
  );
}
