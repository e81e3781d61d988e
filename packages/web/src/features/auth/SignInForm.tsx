import { Alert, Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import type { TMe } from "@openkam/contracts";
import { IconAlertCircle } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../lib/api/api-error";
import { login } from "./auth.api";

interface Props {
  /** Pre-filled (and fixed) when signing in again after the session expired. */
  email?: string;
  onSignedIn(me: TMe): void;
  submitLabel?: string;
}

export function SignInForm({ email: fixedEmail, onSignedIn, submitLabel }: Props) {
  const { t } = useTranslation();
  const [email, setEmail] = useState(fixedEmail ?? "");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await login({ email, password }));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, "NETWORK", String(e)));
    } finally {
      setBusy(false);
    }
  }

  const message = error && (error.status === 401 ? t("auth.wrongCredentials") : error.status === 429 ? t("auth.rateLimited") : error.message);
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        {message && (
          <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
            {message}
          </Alert>
        )}
        <TextInput
          label={t("auth.email")}
          type="email"
          autoComplete="username"
          required
          value={email}
          readOnly={fixedEmail !== undefined}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={error?.fieldErrors.email}
          data-autofocus={fixedEmail === undefined ? true : undefined}
        />
        <PasswordInput
          label={t("auth.password")}
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={error?.fieldErrors.password}
          data-autofocus={fixedEmail !== undefined ? true : undefined}
        />
        <Button type="submit" loading={busy} fullWidth>
          {submitLabel ?? t("auth.signIn")}
        </Button>
      </Stack>
    </form>
  );
}
