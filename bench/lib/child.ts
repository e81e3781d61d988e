import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";

export interface RunningServer {
  url: string;
  pid: number;
  /** CPU time the server process has used so far (all its threads, user + system), in microseconds. */
  cpuMicros(): Promise<number>;
  stop(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, "../..");

/**
 * Starts a server script in its own process (so the load generator does not
 * share its event loop) and waits for it to report its port over IPC.
 */
export async function startServer(script: string, config: unknown): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", resolve(import.meta.dirname, script), JSON.stringify(config)], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    env: { ...process.env, NODE_ENV: "production" },
  });
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const port = await new Promise<number>((ok, fail) => {
    child.once("message", (message: { port?: number; error?: string }) => {
      if (message.port) ok(message.port);
      else fail(new Error(`${script}: ${message.error ?? "did not start"}`));
    });
    child.once("exit", (code) => fail(new Error(`${script} exited with code ${code} before listening`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    cpuMicros: () =>
      new Promise<number>((ok) => {
        const onMessage = (message: { cpu?: NodeJS.CpuUsage }) => {
          if (!message.cpu) return;
          child.off("message", onMessage);
          ok(message.cpu.user + message.cpu.system);
        };
        child.on("message", onMessage);
        child.send("cpu");
      }),
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/** For the server scripts: report the port to the parent, and close cleanly on SIGTERM. */
export function reportListening(port: number, close: () => Promise<void>): void {
  process.send?.({ port });
  // CPU per request is the figure that survives a busy machine: the parent asks before and after a run.
  process.on("message", (message) => {
    if (message === "cpu") process.send?.({ cpu: process.cpuUsage() });
  });
  process.once("SIGTERM", () => {
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}

export function reportFailure(error: unknown): never {
  process.send?.({ error: error instanceof Error ? error.message : String(error) });
  console.error(error);
  process.exit(1);
}
