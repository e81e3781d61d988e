import { Button, Center, Paper } from "@mantine/core";
import { IconMessages } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { EmptyHint } from "../../components/EmptyHint";
import { ErrorState } from "../../components/ErrorState";
import { TableSkeleton } from "../../components/TableSkeleton";
import { useAccountInteractions } from "./account360.api";
import { InteractionTimeline } from "./InteractionTimeline";

export function InteractionsTab({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const interactions = useAccountInteractions(accountId);
  const items = interactions.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Paper withBorder radius="md" p="md">
      {interactions.isPending ? <TableSkeleton rows={5} /> : interactions.isError ? <ErrorState error={interactions.error} /> : items.length === 0 ? (
        <EmptyHint icon={<IconMessages />} title={t("account360.noInteractions")} description={t("account360.noInteractionsHint")} />
      ) : (
        <>
          <InteractionTimeline items={items} />
          {interactions.hasNextPage && (
            <Center mt="sm"><Button variant="subtle" loading={interactions.isFetchingNextPage} onClick={() => void interactions.fetchNextPage()}>{t("common.loadMore")}</Button></Center>
          )}
        </>
      )}
    </Paper>
  );
}
