import { Button, Center, Loader, Stack, Text, Title } from "@mantine/core";
import { IconCircleCheck, IconClockX, IconLinkOff, IconMessageCircleQuestion } from "@tabler/icons-react";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";

/** Where a customer's link page (a survey, a 360° review) stands: its form, or one of the screens below. */
export type PublicScreen = "loading" | "form" | "thanks" | "not_found" | "answered" | "expired" | "rate_limited" | "error";

/** The messages each link page's namespace holds for these screens (checked by locales.test.ts). */
export const PUBLIC_SCREEN_MESSAGES = [
  "loading", "thanksTitle", "thanksText", "answeredTitle", "answeredText", "expiredTitle", "expiredText",
  "notFoundTitle", "notFoundText", "errorTitle", "errorText", "rateLimitedText", "tryAgain",
] as const;

function Message({ icon, title, text, children }: { icon: ReactNode; title: string; text: string; children?: ReactNode }) {
  return (
    <Center mih="70vh">
      <Stack align="center" gap="sm" maw={420} ta="center" p="md">
        {icon}
        <Title order={1} size="h2">{title}</Title>
        <Text c="dimmed">{text}</Text>
        {children}
      </Stack>
    </Center>
  );
}

/**
 * Every screen of a customer's link but its form: loading, thanks, already answered, expired, unknown link, and an
 * error (or too many tries) with a retry. `messages` is the page's namespace, which holds the same keys for each.
 */
export function PublicLinkScreen({ screen, t, messages, onRetry }: {
  screen: Exclude<PublicScreen, "form">;
  t: TFunction;
  messages: "surveys.public" | "reviews.public";
  onRetry: () => void;
}) {
  const m = (key: (typeof PUBLIC_SCREEN_MESSAGES)[number]) => t(`${messages}.${key}`);
  switch (screen) {
    case "loading": return <Center mih="100vh"><Loader aria-label={m("loading")} /></Center>;
    case "thanks": return <Message icon={<IconCircleCheck size={56} color="var(--mantine-color-teal-6)" />} title={m("thanksTitle")} text={m("thanksText")} />;
    case "answered": return <Message icon={<IconCircleCheck size={56} color="var(--mantine-color-blue-6)" />} title={m("answeredTitle")} text={m("answeredText")} />;
    case "expired": return <Message icon={<IconClockX size={56} color="var(--mantine-color-orange-6)" />} title={m("expiredTitle")} text={m("expiredText")} />;
    case "not_found": return <Message icon={<IconLinkOff size={56} color="var(--mantine-color-gray-6)" />} title={m("notFoundTitle")} text={m("notFoundText")} />;
    case "rate_limited":
    case "error":
      return (
        <Message icon={<IconMessageCircleQuestion size={56} color="var(--mantine-color-gray-6)" />} title={m("errorTitle")} text={m(screen === "rate_limited" ? "rateLimitedText" : "errorText")}>
          <Button size="md" onClick={onRetry}>{m("tryAgain")}</Button>
        </Message>
      );
  }
}
