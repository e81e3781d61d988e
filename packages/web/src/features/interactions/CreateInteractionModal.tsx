import { Modal } from "@mantine/core";
import type { TInteraction } from "@openkam/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { notifySaved } from "../../components/notify";
import { useFormSubmit } from "../../components/useFormSubmit";
import { useSession } from "../auth/session-context";
import { createInteraction } from "./interactions.api";
import { emptyInteraction, InteractionForm, interactionRequest, type InteractionDraft } from "./InteractionForm";

interface Props {
  opened: boolean;
  onClose(): void;
  accountId?: string | undefined;
  accountName?: string | undefined;
  onCreated?(interaction: TInteraction): void;
}

export function CreateInteractionModal({ opened, onClose, accountId, accountName, onCreated }: Props) {
  const { t } = useTranslation();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const { busy, errors, run } = useFormSubmit();

  function submit(draft: InteractionDraft) {
    return run(async () => {
      const created = await createInteraction(interactionRequest(draft));
      await queryClient.invalidateQueries({ queryKey: ["interactions"] });
      void queryClient.invalidateQueries({ queryKey: ["summary", created.accountId] });
      notifySaved(t("interactions.created"));
      onClose();
      onCreated?.(created);
    });
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t("interactions.new")} size="xl">
      {opened && (
        <InteractionForm initial={emptyInteraction(accountId, me.user.id)} accountName={accountName} errors={errors} busy={busy} submitLabel={t("common.create")} onSubmit={(d) => void submit(d)} onCancel={onClose} />
      )}
    </Modal>
  );
}
