import type { BuyingRole } from "@openkam/domain/enums/index";

/** Attitude -2 (opposes) … +2 (advocates) as a colour, red to green; unknown is grey. */
export function attitudeShade(attitude: number | null): string {
  switch (attitude) {
    case -2: return "red";
    case -1: return "orange";
    case 0: return "yellow";
    case 1: return "lime";
    case 2: return "green";
    case null: return "gray";
    default: return "gray";
  }
}

/** The same shade as a CSS colour, for the minimap and borders. */
export const attitudeCssColor = (attitude: number | null) => `var(--mantine-color-${attitudeShade(attitude)}-6)`;

export function buyingRoleColor(role: BuyingRole | null): string {
  switch (role) {
    case "decision_maker": return "grape";
    case "champion": return "green";
    case "influencer": return "blue";
    case "user": return "cyan";
    case "gatekeeper": return "orange";
    case "blocker": return "red";
    case null: return "gray";
  }
}

export const ATTITUDES = [2, 1, 0, -1, -2] as const;
export const INFLUENCES = [1, 2, 3, 4, 5] as const;
