type Closer = () => Promise<void>;

/**
 * Closes what the server opened, newest first (the app before the database, so
 * background jobs stop before the data folder lock is released), then exits 0.
 * A second signal exits at once.
 */
export function closeOnSignals(log: (line: string) => void): { add(closer: Closer): void } {
  const closers: Closer[] = [];
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    log(`${signal}: shutting down…`);
    void (async () => {
      let code = 0;
      for (const close of closers.reverse()) {
        try {
          await close();
        } catch (error) {
          code = 1;
          log(`error while shutting down: ${(error as Error).message}`);
        }
      }
      process.exit(code);
    })();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return { add: (closer) => closers.push(closer) };
}
