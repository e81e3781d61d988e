import { z } from "zod";
import { withoutNul, ZDateTime, ZId, ZPage, ZQueryBool } from "./common";

/** What a comment can be about. Plans and cases are checked by their own modules; accounts here. */
export const COMMENT_SUBJECT_TYPES = ["account", "plan", "case"] as const;
export const ZCommentSubjectType = z.enum(COMMENT_SUBJECT_TYPES);
export type TCommentSubjectType = z.infer<typeof ZCommentSubjectType>;

export const NOTIFICATION_KINDS = ["cadence_reminder", "mention", "feedback_assigned"] as const;
export const ZNotificationKind = z.enum(NOTIFICATION_KINDS);

export const COMMENT_MAX_LENGTH = 10_000;
export const MAX_MENTIONS = 20;

const ZPageQuery = {
  limit: z.coerce.number().int().min(1).max(100).default(20).describe("Page size, 1-100"),
  cursor: z.string().max(500).optional().describe("The nextCursor of the previous page"),
};

// ---- comments ----

export const ZUserRef = z.object({ id: ZId, name: z.string() });

export const ZComment = z.object({
  id: ZId,
  accountId: ZId,
  subjectType: ZCommentSubjectType,
  subjectId: ZId,
  author: ZUserRef,
  /** Plain text: show it escaped, never as HTML. */
  body: z.string(),
  mentions: z.array(ZUserRef),
  editedAt: ZDateTime.nullable(),
  createdAt: ZDateTime,
  updatedAt: ZDateTime,
  version: z.number().int(),
});
export type TComment = z.infer<typeof ZComment>;
export const ZCommentPage = ZPage(ZComment);
export type TCommentPage = z.infer<typeof ZCommentPage>;

export const ZCommentListQuery = z
  .object({
    subjectType: ZCommentSubjectType.default("account").describe("What the comments are about"),
    subjectId: ZId.optional().describe("The subject's id; the account's own id when subjectType is account (the default)"),
    ...ZPageQuery,
  })
  .strict();
export type TCommentListQuery = z.infer<typeof ZCommentListQuery>;

const ZCommentBody = withoutNul(z.string().trim().min(1, "Write something first").max(COMMENT_MAX_LENGTH, `Comments are limited to ${COMMENT_MAX_LENGTH} characters`));
const ZMentions = z.array(ZId).max(MAX_MENTIONS, `At most ${MAX_MENTIONS} people can be mentioned in one comment`)
  .describe("The users mentioned, as picked from the autocomplete; each who can see the account is notified");

export const ZCreateCommentRequest = z
  .object({
    subjectType: ZCommentSubjectType.default("account"),
    subjectId: ZId.optional().describe("Defaults to the account itself"),
    body: ZCommentBody,
    mentionedUserIds: ZMentions.default([]),
  })
  .strict();
export type TCreateCommentRequest = z.infer<typeof ZCreateCommentRequest>;

export const ZUpdateCommentRequest = z
  .object({
    body: ZCommentBody,
    mentionedUserIds: ZMentions.optional().describe("Replaces the mentions; people newly mentioned are notified"),
    version: z.number().int().min(1).optional().describe("The version you read, unless sent as If-Match"),
  })
  .strict();
export type TUpdateCommentRequest = z.infer<typeof ZUpdateCommentRequest>;

export const ZDeleteCommentQuery = z.object({ version: z.coerce.number().int().min(1).optional().describe("The version you read, unless sent as If-Match") }).strict();

export const ZMentionableQuery = z.object({ q: withoutNul(z.string().trim().max(100)).optional().describe("Part of a name or e-mail") }).strict();
export const ZMentionable = z.object({
  id: ZId,
  name: z.string(),
  email: z.string(),
  /** Only people who can see the account are notified. */
  canSeeAccount: z.boolean(),
});
export type TMentionable = z.infer<typeof ZMentionable>;
export const ZMentionableList = z.object({ items: z.array(ZMentionable) });

// ---- notifications ----

export const ZNotification = z.object({
  id: ZId,
  kind: ZNotificationKind,
  actor: ZUserRef.nullable(),
  accountId: ZId.nullable(),
  accountName: z.string().nullable(),
  subjectType: ZCommentSubjectType.nullable(),
  subjectId: ZId.nullable(),
  commentId: ZId.nullable(),
  /** Kind-specific facts: for cadence reminders `overdue` and `dueThisWeek` counts; for mentions an `excerpt`. */
  data: z.record(z.string(), z.unknown()),
  /** Where the notification leads in the web app. */
  link: z.string(),
  readAt: ZDateTime.nullable(),
  createdAt: ZDateTime,
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationListQuery = z.object({ ...ZPageQuery, unreadOnly: ZQueryBool.optional() }).strict();
export type TNotificationListQuery = z.infer<typeof ZNotificationListQuery>;

export const ZNotificationPage = ZPage(ZNotification).extend({ unreadCount: z.number().int() });
export type TNotificationPage = z.infer<typeof ZNotificationPage>;

export const ZReadAllResult = z.object({ updated: z.number().int() });

export const ZNotificationPreferences = z.object({
  cadenceReminderEmail: z.boolean().describe("Send me a daily e-mail digest of overdue and due-this-week cadences"),
  version: z.number().int().describe("0 while the defaults apply"),
});
export type TNotificationPreferences = z.infer<typeof ZNotificationPreferences>;

export const ZPutNotificationPreferencesRequest = z
  .object({ cadenceReminderEmail: z.boolean(), version: z.number().int().min(0).optional() })
  .strict();
export type TPutNotificationPreferencesRequest = z.infer<typeof ZPutNotificationPreferencesRequest>;

// ---- activity feed ----

export const ZActivityFeedQuery = z.object({ ...ZPageQuery, mine: ZQueryBool.optional().describe("Only the accounts I own or am on the team of") }).strict();
export type TActivityFeedQuery = z.infer<typeof ZActivityFeedQuery>;

export const ZActivityItem = z.object({
  id: ZId,
  at: ZDateTime,
  actor: ZUserRef.nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: ZId,
  accountId: ZId,
  accountName: z.string().nullable(),
  /** A name, title or subject of the record, when it has one. */
  label: z.string().nullable(),
  /** The start of the comment's text, for comments. */
  excerpt: z.string().nullable(),
});
export type TActivityItem = z.infer<typeof ZActivityItem>;
export const ZActivityFeedPage = ZPage(ZActivityItem);
export type TActivityFeedPage = z.infer<typeof ZActivityFeedPage>;
