import { EXPORT_ENTITIES } from "@openkam/domain";
import { newPublicToken } from "../public-links/public-token";
import type { Client } from "../testing/test-app";
import type { Tenant } from "./security.fixtures";

/**
 * What the cross-tenant suite attacks: per resource, the reads, lists, filters, writes and references an admin of
 * organization B tries against organization A's records (cross-tenant.int.test.ts runs them).
 */

/** A's records of the relate, plan and serve modules, made through the API by A's admin (filled in by the suite's setup). */
export const x = { caseId: "", planId: "", opportunityId: "", unitId: "", initiativeId: "", commentId: "", notificationId: "", goalId: "", feedbackId: "", effortEntryId: "", reviewId: "", surveyId: "", surveyScheduleId: "", surveyInvitationId: "" };

export type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
export interface Attack {
  method: Method;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** What the API may answer; 404 unless the route only ever acts on the caller's own organization. */
  status?: number[];
}
export interface B {
  client: Client;
  accountId: string;
}
export interface Resource {
  name: string;
  /** The module prefix that brings the resource in; rows of modules not registered (yet) are not generated. */
  prefix: string;
  /** GET by A's ids: 404. */
  reads?: (a: Tenant) => string[];
  /** B's own lists and exports: 200, and none of A's values in the body. */
  lists?: (a: Tenant) => string[];
  /** Lists filtered by A's ids: any non-5xx answer, and none of A's values. */
  filtered?: (a: Tenant) => string[];
  /** Changes aimed at A's records. */
  writes?: (a: Tenant, b: B) => Attack[];
  /** B creating or changing its own records so they point at A's: refused with a 4xx, nothing of A's referenced. */
  references?: (a: Tenant, b: B) => Attack[];
}

const v1 = { version: 1 };

export const RESOURCES: Resource[] = [
  {
    name: "accounts",
    prefix: "/api/accounts",
    reads: (a) => [`/api/accounts/${a.accountId}`],
    lists: () => ["/api/accounts", "/api/accounts?deleted=true", "/api/accounts?q=Secret", "/api/accounts?sort=-tier&limit=200"],
    filtered: (a) => [`/api/accounts?ownerUserId=${a.userId}`, `/api/accounts?q=${encodeURIComponent(a.accountName)}`],
    writes: (a) => [
      { method: "PATCH", url: `/api/accounts/${a.accountId}`, body: { name: "Pwned", ...v1 } },
      { method: "PATCH", url: `/api/accounts/${a.accountId}`, body: { name: "Pwned" }, headers: { "if-match": '"1"' } },
      { method: "DELETE", url: `/api/accounts/${a.accountId}` },
      { method: "POST", url: `/api/accounts/${a.accountId}/restore`, body: {} },
    ],
    references: (a, b) => [
      { method: "POST", url: "/api/accounts", body: { name: "Child of A", currency: "CNY", parentAccountId: a.accountId } },
      { method: "POST", url: "/api/accounts", body: { name: "Owned by A's user", currency: "CNY", ownerUserId: a.userId } },
      { method: "PATCH", url: `/api/accounts/${b.accountId}`, body: { parentAccountId: a.accountId, ...v1 } },
      { method: "PATCH", url: `/api/accounts/${b.accountId}`, body: { ownerUserId: a.userId, ...v1 } },
    ],
  },
  {
    name: "account team",
    prefix: "/api/accounts",
    reads: (a) => [`/api/accounts/${a.accountId}/team`],
    writes: (a, b) => [
      { method: "PUT", url: `/api/accounts/${a.accountId}/team/${b.client.userId}`, body: { teamRole: "sales", allocationPct: 10 } },
      { method: "PUT", url: `/api/accounts/${a.accountId}/team/${a.userId}`, body: { teamRole: "support", allocationPct: 0, ...v1 } },
      { method: "DELETE", url: `/api/accounts/${a.accountId}/team/${a.userId}` },
    ],
    references: (a, b) => [{ method: "PUT", url: `/api/accounts/${b.accountId}/team/${a.userId}`, body: { teamRole: "sales", allocationPct: 10 } }],
  },
  {
    name: "account summary and activity",
    prefix: "/api/accounts",
    reads: (a) => [`/api/accounts/${a.accountId}/summary`, `/api/accounts/${a.accountId}/activity`, `/api/accounts/${a.accountId}/product-mix`],
  },
  {
    name: "contacts",
    prefix: "/api/contacts",
    reads: (a) => [`/api/contacts/${a.contactId}`],
    lists: () => ["/api/contacts", "/api/contacts?deleted=true", "/api/contacts?q=Secret"],
    filtered: (a) => [`/api/contacts?accountId=${a.accountId}`],
    writes: (a) => [
      { method: "PATCH", url: `/api/contacts/${a.contactId}`, body: { name: "Pwned", ...v1 } },
      { method: "DELETE", url: `/api/contacts/${a.contactId}` },
      { method: "POST", url: `/api/contacts/${a.contactId}/restore`, body: {} },
    ],
    references: (a, b) => [
      { method: "POST", url: "/api/contacts", body: { accountId: a.accountId, name: "Planted" } },
      { method: "POST", url: "/api/contacts", body: { accountId: b.accountId, name: "Reports to A", reportsToContactId: a.contactId } },
    ],
  },
  {
    name: "products",
    prefix: "/api/products",
    reads: (a) => [`/api/products/${a.productId}`],
    lists: () => ["/api/products", "/api/products?q=SECRET"],
    writes: (a) => [
      { method: "PATCH", url: `/api/products/${a.productId}`, body: { name: "Pwned", ...v1 } },
      { method: "DELETE", url: `/api/products/${a.productId}` },
    ],
  },
  {
    name: "orders",
    prefix: "/api/orders",
    reads: (a) => [`/api/orders/${a.orderId}`],
    lists: () => ["/api/orders", "/api/orders?deleted=true"],
    filtered: (a) => [`/api/orders?accountId=${a.accountId}`],
    writes: (a) => [
      { method: "PATCH", url: `/api/orders/${a.orderId}`, body: { notes: "Pwned", ...v1 } },
      { method: "DELETE", url: `/api/orders/${a.orderId}` },
      { method: "POST", url: `/api/orders/${a.orderId}/restore`, body: {} },
    ],
    references: (a, b) => [
      { method: "POST", url: "/api/orders", body: { accountId: a.accountId, orderDate: "2024-06-01", currency: "CNY", amount: "1.00" } },
      { method: "POST", url: "/api/orders", body: { accountId: b.accountId, orderDate: "2024-06-01", currency: "CNY", lines: [{ productId: a.productId, quantity: "1", unitPrice: "1" }] } },
    ],
  },
  {
    name: "interactions",
    prefix: "/api/interactions",
    reads: (a) => [`/api/interactions/${a.interactionId}`],
    lists: () => ["/api/interactions", "/api/interactions?q=Secret"],
    filtered: (a) => [`/api/interactions?accountId=${a.accountId}`],
    writes: (a) => [
      { method: "PATCH", url: `/api/interactions/${a.interactionId}`, body: { subject: "Pwned", ...v1 } },
      { method: "DELETE", url: `/api/interactions/${a.interactionId}` },
      { method: "POST", url: `/api/interactions/${a.interactionId}/next-step-task`, body: {} },
    ],
    references: (a, b) => {
      const base = { type: "call", occurredAt: "2024-06-01T09:00:00Z", subject: "Planted" };
      return [
        { method: "POST", url: "/api/interactions", body: { ...base, accountId: a.accountId } },
        { method: "POST", url: "/api/interactions", body: { ...base, accountId: b.accountId, contactIds: [a.contactId] } },
        { method: "POST", url: "/api/interactions", body: { ...base, accountId: b.accountId, userIds: [a.userId] } },
      ];
    },
  },
  {
    name: "tasks",
    prefix: "/api/tasks",
    reads: (a) => [`/api/tasks/${a.taskId}`],
    lists: () => ["/api/tasks", "/api/tasks?q=Secret", "/api/tasks?sort=priority"],
    filtered: (a) => [`/api/tasks?accountId=${a.accountId}`, `/api/tasks?assigneeUserId=${a.userId}`],
    writes: (a) => [
      { method: "PATCH", url: `/api/tasks/${a.taskId}`, body: { title: "Pwned", ...v1 } },
      { method: "DELETE", url: `/api/tasks/${a.taskId}` },
    ],
    references: (a) => [
      { method: "POST", url: "/api/tasks", body: { title: "Planted", accountId: a.accountId } },
      { method: "POST", url: "/api/tasks", body: { title: "Planted", assigneeUserId: a.userId } },
    ],
  },
  {
    name: "saved views",
    prefix: "/api/views",
    lists: () => ["/api/views?entity=accounts", "/api/views?entity=contacts"],
    writes: (a) => [
      { method: "PATCH", url: `/api/views/${a.viewId}`, body: { name: "Pwned", ...v1 } },
      { method: "DELETE", url: `/api/views/${a.viewId}` },
    ],
  },
  {
    name: "search",
    prefix: "/api/search",
    filtered: (a) => [`/api/search?q=${encodeURIComponent(a.accountName)}`, `/api/search?q=${encodeURIComponent(a.contactName)}`, "/api/search?q=Secret"],
  },
  {
    name: "imports",
    prefix: "/api/imports",
    reads: (a) => [`/api/imports/${a.importId}`, `/api/imports/${a.importId}/rejections`, `/api/imports/${a.importId}/rejections.csv`],
    lists: () => ["/api/imports"],
  },
  {
    name: "exports",
    prefix: "/api/exports",
    lists: () => EXPORT_ENTITIES.map((entity) => `/api/exports/${entity}.csv`),
  },
  {
    name: "analysis runs",
    prefix: "/api/analytics",
    reads: (a) => [`/api/analytics/runs/${a.runId}`, `/api/analytics/runs/${a.runId}/compare/${a.runId}`, `/api/analytics/runs/${a.runId}?group=selected`],
    lists: () => ["/api/analytics/runs", "/api/analytics/runs?kind=selection"],
    writes: (a, b) => [
      { method: "POST", url: `/api/analytics/runs/${a.runId}/promote`, body: { accountIds: [a.accountId], tier: "standard", reason: "Pwned" } },
      { method: "POST", url: `/api/analytics/runs/${a.runId}/promote`, body: { accountIds: [b.accountId], tier: "key", reason: "Pwned" } },
    ],
  },
  {
    name: "cadence",
    prefix: "/api/cadence",
    lists: () => ["/api/cadence/policies", "/api/cadence/overdue", "/api/cadence/overdue?kind=visit&limit=200", "/api/cadence/my-week"],
    filtered: (a) => [`/api/cadence/overdue?ownerUserId=${a.userId}`],
    // Tier policies are always the caller's own: B sets B's; the token's second try finds B's version moved on.
    writes: () => [{ method: "PUT", url: "/api/cadence/policies/strategic", body: { visit: 1, version: 0 }, status: [200, 409] }],
  },
  {
    name: "account cadence",
    prefix: "/api/accounts",
    reads: (a) => [`/api/accounts/${a.accountId}/cadence`],
    writes: (a) => [
      { method: "PUT", url: `/api/accounts/${a.accountId}/cadence`, body: { visit: 1, version: 0 } },
      { method: "PUT", url: `/api/accounts/${a.accountId}/cadence`, body: { visit: 1 }, headers: { "if-match": '"0"' } },
    ],
  },
  {
    name: "stakeholder map",
    prefix: "/api/accounts",
    reads: (a) => [`/api/accounts/${a.accountId}/stakeholder-map`],
  },
  {
    name: "stakeholder relationships",
    prefix: "/api/contacts",
    writes: (a, b) => [
      { method: "PUT", url: `/api/contacts/${a.contactId}/relationships/${a.userId}`, body: { strength: 5 } },
      { method: "PUT", url: `/api/contacts/${a.contactId}/relationships/${b.client.userId}`, body: { strength: 5, version: 0 } },
      { method: "DELETE", url: `/api/contacts/${a.contactId}/relationships/${a.userId}?version=1` },
      { method: "DELETE", url: `/api/contacts/${a.contactId}/relationships/${a.userId}`, headers: { "if-match": '"1"' } },
    ],
  },
  {
    name: "account tiers and analytics",
    prefix: "/api/accounts",
    reads: (a) => [`/api/accounts/${a.accountId}/tier-history`, `/api/accounts/${a.accountId}/analytics`],
    writes: (a) => [
      { method: "POST", url: `/api/accounts/${a.accountId}/tier`, body: { tier: "standard", reason: "Pwned" } },
      { method: "POST", url: `/api/accounts/${a.accountId}/tier`, body: { tier: "standard", reason: "Pwned", version: 1 } },
    ],
    references: (a, b) => [{ method: "POST", url: `/api/accounts/${b.accountId}/tier`, body: { tier: "key", reason: "Based on A's run", runId: a.runId } }],
  },
  {
    name: "users",
    prefix: "/api/users",
    reads: (a) => [`/api/users/${a.userId}`],
    lists: () => ["/api/users", "/api/users/options", "/api/users?active=false"],
    writes: (a) => [
      { method: "PATCH", url: `/api/users/${a.userId}`, body: { role: "viewer", ...v1 } },
      { method: "PATCH", url: `/api/users/${a.userId}`, body: { isActive: false }, headers: { "if-match": '"1"' } },
    ],
  },
  {
    name: "profile",
    prefix: "/api/profile",
    writes: () => [{ method: "PATCH", url: "/api/profile", body: { locale: "en" }, status: [200] }],
  },
  {
    name: "tokens",
    prefix: "/api/tokens",
    lists: () => ["/api/tokens"],
    writes: (a) => [{ method: "DELETE", url: `/api/tokens/${a.tokenId}` }],
  },
  {
    name: "organization",
    prefix: "/api/organization",
    lists: () => ["/api/organization"],
    writes: (a, b) => [
      // The organization is always the caller's own: B changes B, never A.
      // B's second attempt (by token) finds B's version already moved on: 412, still about B only.
      { method: "PATCH", url: "/api/organization", body: { timezone: "Europe/Paris" }, headers: { "if-match": '"1"' }, status: [200, 412] },
      // A token may not switch at all (403 whatever the target), so the answer says nothing about A.
      { method: "POST", url: "/api/auth/switch-organization", body: { organizationId: a.orgId }, status: "token" in b.client ? [403] : [404] },
    ],
  },
  {
    name: "support cases",
    prefix: "/api/cases",
    reads: () => [`/api/cases/${x.caseId}`],
    lists: () => ["/api/cases", "/api/cases?open=true&limit=200"],
    filtered: (a) => [`/api/cases?accountId=${a.accountId}`, `/api/cases?assigneeUserId=${a.userId}`],
    writes: () => [
      { method: "PATCH", url: `/api/cases/${x.caseId}`, body: { title: "Pwned", ...v1 } },
      { method: "POST", url: `/api/cases/${x.caseId}/events`, body: { action: "resolve" } },
      { method: "POST", url: `/api/cases/${x.caseId}/tasks`, body: { title: "Pwned" } },
    ],
    references: (a, b) => [
      { method: "POST", url: "/api/cases", body: { accountId: a.accountId, title: "Planted", priority: "P1" } },
      { method: "POST", url: "/api/cases", body: { accountId: b.accountId, title: "Planted", priority: "P1", assigneeUserId: a.userId } },
    ],
  },
  {
    name: "service levels",
    prefix: "/api/service",
    lists: () => ["/api/service/policies", "/api/service/calendar", "/api/service/metrics?by=tier"],
    filtered: (a) => [`/api/service/metrics?by=account&accountId=${a.accountId}`],
    // Policies are always the caller's own: B sets B's; the token's second try finds B's version moved on.
    writes: () => [{ method: "PUT", url: "/api/service/policies/strategic/P1", body: { firstResponseMinutes: 60, resolutionMinutes: 480, businessHours: true, version: 0 }, status: [200, 409] }],
  },
  {
    name: "account service scope",
    prefix: "/api/accounts",
    reads: (a) => [`/api/accounts/${a.accountId}/service-scope`],
    writes: (a) => [{ method: "PUT", url: `/api/accounts/${a.accountId}/service-scope`, body: { included: ["Pwned"], excluded: [], notes: null, version: 0 } }],
  },
  {
    name: "plan templates",
    prefix: "/api/plan-templates",
    lists: () => ["/api/plan-templates", "/api/plan-templates?lang=zh-CN"],
  },
  {
    name: "account plans",
    prefix: "/api/plans",
    reads: (a) => [`/api/plans/${x.planId}`, `/api/plans/${x.planId}/versions`, `/api/plans/${x.planId}/versions/1`, `/api/plans/${x.planId}/pdf`, `/api/accounts/${a.accountId}/plans`],
    writes: () => [
      { method: "PATCH", url: `/api/plans/${x.planId}`, body: { title: "Pwned", ...v1 } },
      { method: "POST", url: `/api/plans/${x.planId}/submit`, body: { ...v1 } },
      { method: "POST", url: `/api/plans/${x.planId}/approve`, body: { ...v1 } },
      { method: "DELETE", url: `/api/plans/${x.planId}`, headers: { "if-match": '"1"' } },
    ],
    references: (a) => [{ method: "POST", url: `/api/accounts/${a.accountId}/plans`, body: { templateKey: "strategic", title: "Planted", periodStart: "2026-01-01", periodEnd: "2026-12-31" } }],
  },
  {
    name: "opportunities",
    prefix: "/api/opportunities",
    reads: (a) => [`/api/accounts/${a.accountId}/opportunities`],
    lists: () => ["/api/opportunities", "/api/opportunities?open=true&limit=500"],
    filtered: (a) => [`/api/opportunities?accountId=${a.accountId}`, `/api/opportunities?ownerUserId=${a.userId}`],
    writes: () => [
      { method: "PATCH", url: `/api/opportunities/${x.opportunityId}`, body: { name: "Pwned", ...v1 } },
      { method: "DELETE", url: `/api/opportunities/${x.opportunityId}`, headers: { "if-match": '"1"' } },
    ],
    references: (a, b) => [
      { method: "POST", url: `/api/accounts/${a.accountId}/opportunities`, body: { name: "Planted", value: "1", currency: "CNY", probability: 1 } },
      { method: "POST", url: `/api/accounts/${b.accountId}/opportunities`, body: { name: "Planted", value: "1", currency: "CNY", probability: 1, productId: a.productId } },
    ],
  },
  {
    name: "whitespace and business units",
    prefix: "/api/accounts",
    reads: (a) => [`/api/accounts/${a.accountId}/whitespace`, `/api/accounts/${a.accountId}/business-units`],
    writes: (a) => [
      { method: "POST", url: `/api/accounts/${a.accountId}/business-units`, body: { name: "Pwned" } },
      { method: "PATCH", url: `/api/accounts/${a.accountId}/business-units/${x.unitId}`, body: { name: "Pwned", ...v1 } },
      { method: "DELETE", url: `/api/accounts/${a.accountId}/business-units/${x.unitId}`, headers: { "if-match": '"1"' } },
      { method: "PUT", url: `/api/accounts/${a.accountId}/whitespace/cells`, body: { cells: [{ businessUnitId: x.unitId, productId: a.productId, state: "not_relevant", version: 0 }] } },
    ],
  },
  {
    name: "value initiatives",
    prefix: "/api/initiatives",
    reads: (a) => [`/api/accounts/${a.accountId}/initiatives`],
    writes: () => [
      { method: "PATCH", url: `/api/initiatives/${x.initiativeId}`, body: { title: "Pwned", ...v1 } },
      { method: "DELETE", url: `/api/initiatives/${x.initiativeId}`, headers: { "if-match": '"1"' } },
    ],
    references: (a, b) => [{ method: "POST", url: `/api/accounts/${b.accountId}/initiatives`, body: { title: "Planted", currency: "CNY", customerContactId: a.contactId } }],
  },
  {
    name: "journey map",
    prefix: "/api/accounts",
    reads: (a) => [`/api/accounts/${a.accountId}/journey`],
    writes: (a) => [{ method: "PUT", url: `/api/accounts/${a.accountId}/journey`, body: { stages: [{ key: "use", name: "Pwned", touchpoints: [], painPoints: [], actions: [] }], version: 0 } }],
  },
  {
    name: "comments",
    prefix: "/api/comments",
    reads: (a) => [`/api/accounts/${a.accountId}/comments`, `/api/accounts/${a.accountId}/comments/mentionable`],
    writes: (a) => [
      { method: "PATCH", url: `/api/comments/${x.commentId}`, body: { body: "Pwned", ...v1 } },
      { method: "DELETE", url: `/api/comments/${x.commentId}`, headers: { "if-match": '"1"' } },
      { method: "POST", url: `/api/accounts/${a.accountId}/comments`, body: { body: "Planted" } },
    ],
    references: (a, b) => [{ method: "POST", url: `/api/accounts/${b.accountId}/comments`, body: { body: "Hello", mentionedUserIds: [a.userId] } }],
  },
  {
    name: "notifications",
    prefix: "/api/notifications",
    lists: () => ["/api/notifications", "/api/notifications?unreadOnly=true", "/api/notifications/preferences"],
    writes: () => [
      { method: "POST", url: `/api/notifications/${x.notificationId}/read`, body: {} },
      // Always the caller's own notifications.
      { method: "POST", url: "/api/notifications/read-all", body: {}, status: [200, 204] },
    ],
  },
  {
    name: "activity feed",
    prefix: "/api/activity-feed",
    lists: () => ["/api/activity-feed", "/api/activity-feed?mine=true"],
  },
  {
    name: "team load",
    prefix: "/api/team-load",
    lists: () => ["/api/team-load"],
  },
  {
    name: "KAM programme",
    prefix: "/api/programme",
    lists: () => ["/api/programme"],
    writes: (a) => [
      { method: "PUT", url: `/api/programme/accounts/${a.accountId}` },
      { method: "DELETE", url: `/api/programme/accounts/${a.accountId}` },
      { method: "PATCH", url: `/api/programme/goals/${x.goalId}`, body: { title: "Pwned", ...v1 } },
      { method: "DELETE", url: `/api/programme/goals/${x.goalId}`, headers: { "if-match": '"1"' } },
    ],
  },
  {
    name: "reports",
    prefix: "/api/programme",
    reads: (a) => [`/api/accounts/${a.accountId}/qbr`, `/api/accounts/${a.accountId}/qbr.pdf?lang=zh-CN`, `/api/accounts/${a.accountId}/qbr.xlsx`],
    lists: () => ["/api/programme/dashboard", "/api/programme/dashboard?tier=strategic&tier=key"],
  },
  {
    name: "KPIs",
    prefix: "/api/kpis",
    reads: (a) => [`/api/kpis/values?subject=account&accountId=${a.accountId}`, `/api/kpis/values?subject=manager&userId=${a.userId}`],
    lists: () => ["/api/kpis", "/api/kpis/values", "/api/kpis/net_revenue_retention"],
  },
  {
    name: "scorecards",
    prefix: "/api/scorecards",
    reads: (a) => [`/api/scorecards/account/${a.accountId}`, `/api/scorecards/manager/${a.userId}`],
    lists: () => ["/api/scorecards/programme", "/api/scorecards/config"],
  },
  {
    name: "feedback",
    prefix: "/api/feedback",
    reads: (a) => [`/api/feedback/${x.feedbackId}`, `/api/accounts/${a.accountId}/feedback/report`],
    lists: () => ["/api/feedback", "/api/feedback?overdue=true", "/api/feedback/metrics"],
    filtered: (a) => [`/api/feedback?accountId=${a.accountId}`, `/api/feedback/metrics?accountId=${a.accountId}`],
    writes: (a, b) => [
      { method: "PATCH", url: `/api/feedback/${x.feedbackId}`, body: { title: "Pwned", ...v1 } },
      { method: "DELETE", url: `/api/feedback/${x.feedbackId}` },
      { method: "POST", url: `/api/feedback/${x.feedbackId}/transitions`, body: { to: "acknowledged" } },
      { method: "POST", url: "/api/feedback", body: { accountId: a.accountId, source: "manual", title: "Pwned", severity: "low" }, status: [400] },
      { method: "POST", url: "/api/feedback", body: { accountId: b.accountId, source: "interaction", sourceId: a.interactionId, title: "Pwned", severity: "low" }, status: [400] },
    ],
  },
  {
    name: "surveys",
    prefix: "/api/surveys",
    reads: () => [`/api/surveys/${x.surveyId}`, `/api/surveys/${x.surveyId}/schedules`, `/api/surveys/${x.surveyId}/invitations`],
    lists: () => ["/api/surveys"],
    writes: (a) => [
      { method: "PATCH", url: `/api/surveys/${x.surveyId}`, body: { archived: true, ...v1 } },
      { method: "DELETE", url: `/api/surveys/${x.surveyId}`, headers: { "if-match": '"1"' } },
      { method: "POST", url: `/api/surveys/${x.surveyId}/schedules`, body: { target: { kind: "cohort" }, recurrence: "monthly", startsOn: "2026-01-01" } },
      { method: "POST", url: `/api/surveys/${x.surveyId}/sends`, body: { target: { kind: "account", accountId: a.accountId } } },
      { method: "PATCH", url: `/api/surveys/schedules/${x.surveyScheduleId}`, body: { active: false, ...v1 } },
      { method: "DELETE", url: `/api/surveys/schedules/${x.surveyScheduleId}`, headers: { "if-match": '"1"' } },
      { method: "POST", url: `/api/surveys/invitations/${x.surveyInvitationId}/link`, body: {} },
    ],
  },
  {
    name: "survey results",
    prefix: "/api/survey-results",
    lists: () => ["/api/survey-results", "/api/survey-results?granularity=month", "/api/survey-results/verbatims"],
    filtered: (a) => [`/api/survey-results?surveyId=${x.surveyId}`, `/api/survey-results?accountId=${a.accountId}`, `/api/survey-results/verbatims?accountId=${a.accountId}&surveyId=${x.surveyId}`],
  },
  {
    name: "public survey links",
    prefix: "/api/public/surveys",
    // A link made for A's organization with a guessed secret, and garbage: the same 404 as any unknown link.
    reads: (a) => [`/api/public/surveys/${Buffer.from(a.orgId.replace(/-/g, ""), "hex").toString("base64url")}.${"A".repeat(43)}`, `/api/public/surveys/${x.surveyInvitationId}`],
  },
  {
    name: "effort",
    prefix: "/api/effort",
    reads: (a) => [`/api/accounts/${a.accountId}/effort`],
    lists: () => ["/api/effort/entries", "/api/effort/allocation", "/api/effort/allocation?basis=clv", "/api/effort/settings"],
    filtered: (a) => [`/api/effort/entries?accountId=${a.accountId}`, `/api/effort/entries?userId=${a.userId}`],
    writes: () => [
      { method: "PATCH", url: `/api/effort/entries/${x.effortEntryId}`, body: { minutes: 1, ...v1 } },
      { method: "DELETE", url: `/api/effort/entries/${x.effortEntryId}`, headers: { "if-match": '"1"' } },
    ],
    references: (a, b) => [
      { method: "POST", url: "/api/effort/entries", body: { accountId: a.accountId, workedOn: "2026-01-01", minutes: 5 } },
      { method: "POST", url: "/api/effort/entries", body: { accountId: b.accountId, userId: a.userId, workedOn: "2026-01-01", minutes: 5 } },
      { method: "POST", url: "/api/effort/entries", body: { accountId: b.accountId, workedOn: "2026-01-01", minutes: 5, source: "interaction", sourceId: a.interactionId } },
    ],
  },
  {
    name: "360° reviews",
    prefix: "/api/reviews",
    reads: (a) => [`/api/reviews/${x.reviewId}`, `/api/accounts/${a.accountId}/reviews`],
    lists: () => ["/api/reviews/pending", "/api/reviews/settings"],
    writes: (a) => [
      { method: "POST", url: `/api/reviews/${x.reviewId}/ratings`, body: { ratings: { responsiveness: 1 } } },
      { method: "POST", url: `/api/reviews/${x.reviewId}/customer-link`, body: {} },
      { method: "POST", url: `/api/reviews/${x.reviewId}/close`, body: { ...v1 } },
      { method: "POST", url: `/api/accounts/${a.accountId}/reviews`, body: { title: "Planted", periodStart: "2026-01-01", periodEnd: "2026-03-31" } },
    ],
    references: (a, b) => [
      { method: "POST", url: `/api/accounts/${b.accountId}/reviews`, body: { title: "Planted", periodStart: "2026-01-01", periodEnd: "2026-03-31", customerContactId: a.contactId } },
    ],
  },
  {
    name: "public review links",
    prefix: "/api/public/reviews",
    // A well-formed link naming A's organization, but not one A issued: the same 404 as any unknown link.
    reads: (a) => [`/api/public/reviews/${newPublicToken(a.orgId).token}`],
    writes: (a) => [
      { method: "POST", url: `/api/public/reviews/${newPublicToken(a.orgId).token}/ratings`, body: { submissionId: a.accountId, ratings: { responsiveness: 1 } } },
    ],
  },
];
