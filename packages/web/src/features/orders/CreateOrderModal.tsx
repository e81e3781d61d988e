import { Modal } from "@mantine/core";
import type { TOrder } from "@openkam/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { notifyFailed, notifySaved } from "../../components/notify";
import { ApiError } from "../../lib/api/api-error";
import { emptyOrder, orderRequest, type OrderDraft } from "./order-draft";
import { createOrder } from "./orders.api";
import { OrderForm } from "./OrderForm";

interface Props {
  opened: boolean;
  onClose(): void;
  accountId?: string | undefined;
  accountName?: string | undefined;
  onCreated?(order: TOrder): void;
}

export function CreateOrderModal({ opened, onClose, accountId, accountName, onCreated }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function submit(draft: OrderDraft) {
    setBusy(true);
    setErrors({});
    try {
      const order = await createOrder(orderRequest(draft));
      await queryClient.invalidateQueries({ queryKey: ["orders"] });
      void queryClient.invalidateQueries({ queryKey: ["summary", order.accountId] });
      notifySaved(t("orderList.created"));
      onClose();
      onCreated?.(order);
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fieldErrors).length) setErrors(error.fieldErrors);
      else notifyFailed(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t("orderList.new")} size="xl">
      {opened && (
        <OrderForm initial={emptyOrder(accountId)} accountName={accountName} errors={errors} busy={busy} submitLabel={t("common.create")} onSubmit={(d) => void submit(d)} onCancel={onClose} />
      )}
    </Modal>
  );
}
