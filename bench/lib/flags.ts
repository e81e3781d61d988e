/** A numeric flag (`--name N` or `--name=N`) beside the shared ones of options.ts; underscores allowed (1_000_000). */
export function numberFlag(name: string, fallback: number, args = process.argv.slice(2)): number {
  const i = args.indexOf(`--${name}`);
  const raw = i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  if (raw === undefined) return fallback;
  const value = Number(raw.replace(/_/g, ""));
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, not ${raw}`);
  return value;
}
