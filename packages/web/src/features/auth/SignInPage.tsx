import { Anchor, Center, Paper, Stack, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { usePageTitle } from "../../components/usePageTitle";
import { followUserLanguage } from "../../lib/i18n/i18n";
import { LanguageMenu } from "../shell/LanguageMenu";
import { ME_KEY } from "./auth.api";
import { SignInForm } from "./SignInForm";
import { useMe } from "./useMe";

/** Only paths inside the app may be returned to (no open redirect to other sites). */
export function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/sign-in") ? next : "/";
}

export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t("auth.title"));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const next = safeNext(params.get("next"));

  if (me.data) return <Navigate to={next} replace />;
  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-body)">
      <Stack w="100%" maw={400} gap="lg">
        <Stack gap={4} align="center">
          <img src="/favicon.svg" alt="" width={48} height={48} />
          <Title order={1} size="h2">OpenKAM</Title>
          <Text c="dimmed" ta="center">{t("auth.tagline")}</Text>
        </Stack>
        <Paper withBorder shadow="sm" p="xl" radius="md" component="main">
          <Title order={2} size="h4" mb="md">{t("auth.title")}</Title>
          <SignInForm
            onSignedIn={(signedIn) => {
              queryClient.setQueryData(ME_KEY, signedIn);
              void followUserLanguage(signedIn.user.locale);
              void navigate(next, { replace: true });
            }}
          />
        </Paper>
        <Stack gap={4} align="center">
          <Text size="sm" c="dimmed">
            <Anchor href="/api/docs" size="sm" underline="always">{t("auth.apiDocs")}</Anchor>
          </Text>
          <LanguageMenu />
        </Stack>
      </Stack>
    </Center>
  );
}
