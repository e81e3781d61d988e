/** `<input type="datetime-local">` speaks local wall time ("2026-03-01T14:30"); the API speaks ISO instants. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** A date filter as instants: from the start of `from` to the start of the day after `to`, in local time. */
export function dayRange(from: string | null, to: string | null): { from?: string; to?: string } {
  const start = (day: string, plus = 0) => {
    const d = new Date(`${day}T00:00:00`);
    d.setDate(d.getDate() + plus);
    return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
  };
  const range: { from?: string; to?: string } = {};
  const f = from ? start(from) : undefined;
  const t = to ? start(to, 1) : undefined;
  if (f) range.from = f;
  if (t) range.to = t;
  return range;
}
