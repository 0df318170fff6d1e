import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

// Caddy in front of the two e2e servers, configured from deploy/Caddyfile (the
// compose profile's proxy) with the Docker service lookup replaced by the two
// local upstreams: round robin, no stickiness, streaming flushed at once.

export const CADDY = "/usr/bin/caddy";
export const hasCaddy = existsSync(CADDY);

export type Proxy = { url: string; stop: () => Promise<void> };

export async function startProxy(port: number, upstreams: string[]): Promise<Proxy> {
  const source = readFileSync(path.resolve("deploy/Caddyfile"), "utf8");
  const config = source.replace(/dynamic a [^\n]*\{[^}]*\}/, `to ${upstreams.join(" ")}`);
  if (config === source) throw new Error("deploy/Caddyfile no longer has the `dynamic a` upstream block this test replaces");
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "parallax-caddy-")), "Caddyfile");
  writeFileSync(file, config);
  const child: ChildProcess = spawn(CADDY, ["run", "--config", file, "--adapter", "caddyfile"], {
    env: { ...process.env, PARALLAX_PROXY_ADDRESS: `:${port}`, HOME: path.dirname(file), XDG_DATA_HOME: path.dirname(file) },
    stdio: "ignore",
  });
  const url = `http://localhost:${port}`;
  for (let attempt = 0; attempt < 80; attempt++) {
    const ok = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) break;
    if (child.exitCode !== null) throw new Error(`caddy exited with ${child.exitCode}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export type EventStream = {
  events: Array<{ type: string; data: Record<string, unknown> }>;
  waitFor: (predicate: (event: { type: string; data: Record<string, unknown> }) => boolean) => Promise<void>;
  close: () => void;
};

/** A live stream read by hand (Node fetch), to see which instance it lands on and what it receives. */
export async function openEventStream(url: string, cookie: string): Promise<EventStream> {
  const { createSseParser } = await import("@/lib/live/sse-parser");
  const abort = new AbortController();
  const response = await fetch(url, { headers: { cookie, accept: "text/event-stream" }, signal: abort.signal });
  if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
  const events: EventStream["events"] = [];
  const parse = createSseParser((message) =>
    events.push({ type: message.type, data: JSON.parse(message.data) as Record<string, unknown> }),
  );
  const decoder = new TextDecoder();
  void (async () => {
    const reader = response.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) return;
      parse(decoder.decode(value, { stream: true }));
    }
  })();
  const waitFor: EventStream["waitFor"] = async (predicate) => {
    for (let waited = 0; waited < 10_000; waited += 50) {
      if (events.some(predicate)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no such event; got ${JSON.stringify(events.map((e) => e.type))}`);
  };
  return { events, waitFor, close: () => abort.abort() };
}
