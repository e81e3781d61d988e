import { EmptyState } from "@mantine/core";
import type { ReactNode } from "react";

/** An empty list that says what to do next. */
export function EmptyHint({ icon, title, description, children }: { icon: ReactNode; title: string; description: string; children?: ReactNode }) {
  return (
    <EmptyState py="xl" icon={icon} title={title} description={description}>
      {children}
    </EmptyState>
  );
}
