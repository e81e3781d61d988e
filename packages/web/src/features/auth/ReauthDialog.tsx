import { Modal, Text } from "@mantine/core";
import type { TMe } from "@openkam/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../lib/api/api-error";
import { setReauthHandler } from "../../lib/api/client";
import { ME_KEY } from "./auth.api";
import { SignInForm } from "./SignInForm";

/**
 * When the session ends while someone works (expiry, sign-out elsewhere), the
 * failed request waits while they sign in again in this dialog, over the page
 * they were on, and is then retried: nothing typed is lost.
 */
export function ReauthDialog() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const pending = useRef<{ resolve(): void; reject(error: unknown): void } | null>(null);

  useEffect(() => {
    setReauthHandler(() => new Promise<void>((resolve, reject) => {
      pending.current = { resolve, reject };
      setOpened(true);
    }));
    return () => setReauthHandler(null);
  }, []);

  const email = queryClient.getQueryData<TMe | null>(ME_KEY)?.user.email;

  function close() {
    setOpened(false);
    pending.current?.reject(new ApiError(401, "UNAUTHENTICATED", t("auth.sessionEnded")));
    pending.current = null;
  }

  return (
    <Modal opened={opened} onClose={close} title={t("auth.reauthTitle")} centered closeOnClickOutside={false}>
      <Text size="sm" c="dimmed" mb="md">{t("auth.reauthText")}</Text>
      <SignInForm
        {...(email ? { email } : {})}
        submitLabel={t("auth.reauthSubmit")}
        onSignedIn={(me) => {
          queryClient.setQueryData(ME_KEY, me);
          setOpened(false);
          pending.current?.resolve();
          pending.current = null;
        }}
      />
    </Modal>
  );
}
