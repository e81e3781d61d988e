/** Flags shared by the bench scripts: `--quick` for a smoke run, `--fresh` to rebuild the seeded caches. */
export interface BenchOptions {
  quick: boolean;
  fresh: boolean;
  /** Demo data scale: 10 (3,000 accounts, 600,000 orders), 1 with --quick unless --scale is given. */
  scale: number;
  /** Seconds of load per measurement. */
  seconds: number;
  connections: number;
  /** Longest wait for the machine to be quiet before each measurement, in seconds. */
  waitQuiet: number;
  engines: Array<"postgres" | "pglite">;
}

function valueOf(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  const inline = args.find((a) => a.startsWith(`${name}=`));
  return inline?.slice(name.length + 1);
}

export function parseBenchOptions(args = process.argv.slice(2)): BenchOptions {
  const quick = args.includes("--quick");
  const engine = valueOf(args, "--engine");
  const engines: BenchOptions["engines"] = engine === "postgres" || engine === "pglite" ? [engine] : ["postgres", "pglite"];
  return {
    quick,
    fresh: args.includes("--fresh"),
    scale: Number(valueOf(args, "--scale") ?? (quick ? 1 : 10)),
    seconds: Number(valueOf(args, "--seconds") ?? (quick ? 3 : 10)),
    connections: Number(valueOf(args, "--connections") ?? 50),
    waitQuiet: Number(valueOf(args, "--wait-quiet") ?? (quick ? 0 : 120)),
    engines,
  };
}

/** The server the bench creates its scratch databases on. */
export const BENCH_POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export function databaseUrl(name: string, base = BENCH_POSTGRES_URL): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}
