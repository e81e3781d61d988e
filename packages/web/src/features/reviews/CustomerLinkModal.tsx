import { Alert, Button, CopyButton, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import type { TCustomerLink } from "@openkam/contracts";
import { IconCheck, IconCopy } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../lib/format";

/** The customer's link, shown once: only its hash is kept, so it cannot be shown again later. */
export function CustomerLinkModal({ link, onClose }: { link: TCustomerLink | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={link !== null} onClose={onClose} title={t("reviews.customerLinkTitle")}>
      {link && (
        <Stack>
          <Text size="sm">{link.emailed ? t("reviews.linkEmailed") : t("reviews.linkNotEmailed")}</Text>
          <TextInput label={t("reviews.customerLink")} value={link.url} readOnly onFocus={(e) => e.currentTarget.select()} data-testid="customer-link" />
          <Text size="xs" c="dimmed">{t("reviews.linkValidUntil", { date: formatDate(link.expiresAt) })}</Text>
          <Alert color="yellow" variant="light">{t("reviews.linkShownOnce")}</Alert>
          <Group justify="flex-end">
            <CopyButton value={link.url}>
              {({ copied, copy }) => (
                <Button variant="light" leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />} onClick={copy}>{copied ? t("reviews.copied") : t("reviews.copyLink")}</Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>{t("reviews.done")}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
