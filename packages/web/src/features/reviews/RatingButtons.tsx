import { SimpleGrid, UnstyledButton } from "@mantine/core";

/** Five big score buttons and "can't say" (null): a radio group that fingers can hit on a phone. */
export function RatingButtons({ value, onChange, label, cantSay }: { value: number | null | undefined; onChange: (v: number | null) => void; label: string; cantSay: string }) {
  const options: Array<{ score: number | null; text: string }> = [1, 2, 3, 4, 5].map((s) => ({ score: s, text: String(s) }));
  options.push({ score: null, text: cantSay });
  return (
    <SimpleGrid cols={6} spacing={6} role="radiogroup" aria-label={label}>
      {options.map(({ score, text }) => {
        const selected = value !== undefined && value === score;
        return (
          <UnstyledButton
            key={text} role="radio" aria-checked={selected} aria-label={text} onClick={() => onChange(score)}
            style={{
              minHeight: 48, borderRadius: 8, textAlign: "center", fontWeight: 650, fontSize: score === null ? 12 : 18, lineHeight: 1.1, padding: 2,
              border: `2px solid ${selected ? "var(--mantine-color-blue-6)" : "var(--mantine-color-default-border)"}`,
              background: selected ? "var(--mantine-color-blue-6)" : "var(--mantine-color-body)", color: selected ? "white" : "inherit",
            }}
          >
            {text}
          </UnstyledButton>
        );
      })}
    </SimpleGrid>
  );
}
