import { Anchor, Breadcrumbs, Button, Group, Paper, Skeleton, Stack, Text, Title } from "@mantine/core";
import { IconFileImport } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { ErrorState } from "../../components/ErrorState";
import { usePageTitle } from "../../components/usePageTitle";
import { formatDateTime } from "../../lib/format";
import { useImport } from "./imports.api";
import { ImportProgress, ImportStatusBadge, RejectionsTable } from "./ImportStatus";

/** One import: live progress while it runs, then its counts and rejected rows. */
export function ImportPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const location = useLocation();
  const totalRows = (location.state as { totalRows?: number | null } | null)?.totalRows ?? null;
  const item = useImport(id);
  usePageTitle(item.data?.fileName);

  if (item.isError) return <ErrorState error={item.error} onRetry={() => void item.refetch()} />;
  if (!item.data) return <Stack><Skeleton height={36} width="40%" /><Skeleton height={140} /></Stack>;
  const i = item.data;

  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to="/imports" size="sm">{t("imports.title")}</Anchor>
        <Text size="sm">{i.fileName}</Text>
      </Breadcrumbs>
      <Group justify="space-between" mb="md" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={1} size="h2">{i.fileName}</Title>
            <ImportStatusBadge item={i} />
          </Group>
          <Text size="sm" c="dimmed">
            {t(`imports.entities.${i.entity}`)} · {t(`imports.modes.${i.mode}`)} · {formatDateTime(i.createdAt)}
          </Text>
        </Stack>
        <Button component={Link} to="/imports" variant="light" leftSection={<IconFileImport size={16} />}>{t("imports.newImport")}</Button>
      </Group>
      <Paper withBorder radius="md" p="lg" mb="md">
        <ImportProgress item={i} totalRows={totalRows} />
      </Paper>
      <RejectionsTable item={i} />
    </>
  );
}
