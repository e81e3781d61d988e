import { Modal } from "@mantine/core";
import type { TOrder } from "@openkam/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { notifySaved } from "../../components/notify";
import { useFormSubmit } from "../../components/useFormSubmit";
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
  const { busy, errors, run } = useFormSubmit();

  function submit(draft: OrderDraft) {
    return run(async () => {
      const order = await createOrder(orderRequest(draft));
      await queryClient.invalidateQueries({ queryKey: ["orders"] });
      void queryClient.invalidateQueries({ queryKey: ["summary", order.accountId] });
      notifySaved(t("orderList.created"));
      onClose();
      onCreated?.(order);
    });
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t("orderList.new")} size="xl">
      {opened && (
        <OrderForm initial={emptyOrder(accountId)} accountName={accountName} errors={errors} busy={busy} submitLabel={t("common.create")} onSubmit={(d) => void submit(d)} onCancel={onClose} />
      )}
    </Modal>
  );
}
