/** Badge colors for the closed vocabularies, the same on every page. */
export function tierColor(tier: string): string {
  switch (tier) {
    case "strategic": return "grape";
    case "key": return "blue";
    case "growth": return "teal";
    default: return "gray";
  }
}

export function statusColor(status: string): string {
  switch (status) {
    case "active": return "green";
    case "at_risk": return "orange";
    case "prospect": return "cyan";
    case "churned": return "red";
    default: return "gray";
  }
}

export function attitudeColor(attitude: number | null): string {
  if (attitude === null) return "gray";
  return attitude > 0 ? "green" : attitude < 0 ? "red" : "gray";
}
