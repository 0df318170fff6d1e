import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";

// A second production server (`next start` from the same build) on another
// port, against the PostgreSQL the first one (Playwright's webServer) started:
// two app instances sharing one database, as behind a load balancer.

const dataDir = path.resolve(process.env.E2E_DATA_DIR ?? ".data/e2e");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export type SecondServer = { url: string; start: () => Promise<void>; stop: () => Promise<void> };

/** `extraEnv`: settings this instance runs with beyond the first one's (e.g. a policy under test). */
export async function secondServer(extraEnv: Record<string, string> = {}): Promise<SecondServer> {
  const port = Number(process.env.E2E_SECOND_PORT ?? 0) || (await freePort());
  const url = `http://localhost:${port}`;
  // The embedded PostgreSQL writes its port into postmaster.pid (4th line); the demo secret sits next to it.
  const pgPort = readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8")
    .split("\n")[3]!
    .trim();
  const env = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: `postgresql://postgres:parallax-local@127.0.0.1:${pgPort}/parallax`,
    NEXTAUTH_SECRET: readFileSync(path.join(dataDir, "nextauth-secret"), "utf8").trim(),
    NEXTAUTH_URL: url,
    PARALLAX_LOGIN_MAX_ATTEMPTS: "200",
    ...extraEnv,
  };
  let child: ChildProcess | null = null;

  const start = async () => {
    child = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(port)], { env, stdio: "ignore", detached: true });
    for (let attempt = 0; attempt < 120; attempt++) {
      const ok = await fetch(`${url}/api/health`).then(
        (response) => response.ok,
        () => false,
      );
      if (ok) return;
      if (child.exitCode !== null) throw new Error(`the second server exited with ${child.exitCode}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error("the second server did not become healthy");
  };

  const stop = async () => {
    const running = child;
    if (!running?.pid || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    process.kill(-running.pid, "SIGTERM"); // its own process group: next and its workers
    const timer = setTimeout(() => running.pid && process.kill(-running.pid, "SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };

  await start();
  return { url, start, stop };
}
