import { notifications } from "@mantine/notifications";
import { ApiError } from "../lib/api/api-error";
import { i18n } from "../lib/i18n/i18n";

export function notifySaved(message?: string): void {
  notifications.show({ color: "teal", message: message ?? i18n.t("common.saved"), autoClose: 2500 });
}

export function notifyFailed(error: unknown, title?: string): void {
  const message = error instanceof ApiError ? error.message : i18n.t("common.unexpectedError");
  notifications.show({ color: "red", title: title ?? i18n.t("common.saveFailed"), message, autoClose: 6000 });
}
