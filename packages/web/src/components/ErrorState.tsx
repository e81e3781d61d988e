import { Button, EmptyState } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../lib/api/api-error";

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const notFound = error instanceof ApiError && error.status === 404;
  const message = error instanceof ApiError ? error.message : t("common.unexpectedError");
  return (
    <EmptyState
      py="xl"
      color={notFound ? "gray" : "red"}
      icon={<IconAlertTriangle />}
      title={notFound ? t("common.notFoundTitle") : t("common.errorTitle")}
      description={notFound ? t("common.notFoundText") : message}
    >
      {onRetry && !notFound && <Button variant="light" onClick={onRetry}>{t("common.retry")}</Button>}
    </EmptyState>
  );
}
