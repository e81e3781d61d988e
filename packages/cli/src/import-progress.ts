import { createReadStream } from "node:fs";

export interface ImportCounts {
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
}

/** Data lines in a CSV file (newlines less the header), for the progress bar's total; quoted newlines make it an estimate. */
export async function estimateCsvRows(path: string): Promise<number> {
  let newlines = 0;
  let last = 10;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) newlines++;
    if (chunk.length > 0) last = chunk[chunk.length - 1]!;
  }
  return Math.max(0, newlines + (last === 10 ? 0 : 1) - 1);
}

export interface ProgressBar {
  update(counts: ImportCounts): void;
  stop(): void;
}

/** A progress bar on stderr, only for a person watching a terminal; pipes and logs get the final line only. */
export async function importProgressBar(filePath: string, label: string): Promise<ProgressBar> {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const { default: progress } = await import("cli-progress");
  const total = /\.csv$/i.test(filePath) ? await estimateCsvRows(filePath) : 0;
  const bar = new progress.SingleBar({
    stream: process.stderr,
    format: total > 0
      ? `${label} |{bar}| {percentage}% | {value}/{total} rows | accepted {accepted} | rejected {rejected} | {eta_formatted}`
      : `${label} | {value} rows | accepted {accepted} | rejected {rejected}`,
    hideCursor: true,
    clearOnComplete: true,
  }, progress.Presets.shades_classic);
  bar.start(total, 0, { accepted: 0, rejected: 0 });
  return {
    update(counts) {
      if (total > 0 && counts.rowsRead > bar.getTotal()) bar.setTotal(counts.rowsRead);
      bar.update(counts.rowsRead, { accepted: counts.rowsAccepted, rejected: counts.rowsRejected });
    },
    stop: () => bar.stop(),
  };
}
