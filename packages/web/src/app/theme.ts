import { createTheme, darken, type CSSVariablesResolver, type MantineThemeOverride } from "@mantine/core";

/** Close buttons of dialogs and toasts are icons only: they get their name in the current language. */
export function createAppTheme(closeLabel: string): MantineThemeOverride {
  const closeButtonProps = { "aria-label": closeLabel };
  return createTheme({
    primaryColor: "blue",
    // Shade 8 keeps white button labels above the WCAG AA contrast ratio (4.5:1); Mantine's default 6 does not.
    primaryShade: { light: 8, dark: 8 },
    defaultRadius: "md",
    fontFamily: "Inter, system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif",
    headings: { fontWeight: "650" },
    components: {
      Badge: { defaultProps: { variant: "light" } },
      Modal: { defaultProps: { closeButtonProps } },
      Drawer: { defaultProps: { closeButtonProps } },
      // A toast's description under a title is gray-6 in Mantine, below 4.5:1 on white.
      Notification: { defaultProps: { closeButtonProps }, styles: { description: { color: "var(--mantine-color-text)" } } },
    },
  });
}

/**
 * In light mode, colored text (badges, hints) and dimmed text a shade darker
 * than Mantine's, so small labels keep a 4.5:1 contrast on their backgrounds.
 */
export const cssVariablesResolver: CSSVariablesResolver = (theme) => {
  const light: Record<string, string> = { "--mantine-color-dimmed": "var(--mantine-color-gray-7)" };
  for (const [name, shades] of Object.entries(theme.colors)) {
    if (name === "dark") continue;
    light[`--mantine-color-${name}-light-color`] = darken(shades[9], 0.3);
    light[`--mantine-color-${name}-outline`] = darken(shades[9], 0.2);
    light[`--mantine-color-${name}-text`] = darken(shades[9], 0.2);
  }
  return { variables: {}, light, dark: {} };
};
