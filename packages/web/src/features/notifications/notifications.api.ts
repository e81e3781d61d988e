import type { TNotification, TNotificationPage, TNotificationPreferences } from "@openkam/contracts";
import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../lib/api/client";

/** The bell asks again this often, so new mentions and reminders show without a reload. */
export const POLL_MS = 60_000;
export const BELL_SIZE = 8;
const PAGE_SIZE = 30;

export const notificationKeys = {
  all: ["notifications"] as const,
  recent: () => ["notifications", "recent"] as const,
  list: (unreadOnly: boolean) => ["notifications", "list", unreadOnly] as const,
  preferences: () => ["notification-preferences"] as const,
};

export function useRecentNotifications() {
  return useQuery({
    queryKey: notificationKeys.recent(),
    queryFn: ({ signal }) => api.get<TNotificationPage>("/api/notifications", { limit: BELL_SIZE }, { signal }),
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
  });
}

export function useNotificationList(unreadOnly: boolean) {
  return useInfiniteQuery({
    queryKey: notificationKeys.list(unreadOnly),
    queryFn: ({ pageParam, signal }) =>
      api.get<TNotificationPage>("/api/notifications", { limit: PAGE_SIZE, cursor: pageParam ?? undefined, unreadOnly: unreadOnly || undefined }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useNotificationActions() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  return {
    async markRead(notification: TNotification) {
      if (notification.readAt) return;
      await api.post(`/api/notifications/${notification.id}/read`);
      await refresh();
    },
    async markAllRead() {
      await api.post("/api/notifications/read-all");
      await refresh();
    },
  };
}

export function useNotificationPreferences() {
  return useQuery({
    queryKey: notificationKeys.preferences(),
    queryFn: ({ signal }) => api.get<TNotificationPreferences>("/api/notifications/preferences", undefined, { signal }),
  });
}

export const putNotificationPreferences = (body: { cadenceReminderEmail: boolean; version: number }) =>
  api.put<TNotificationPreferences>("/api/notifications/preferences", body);
