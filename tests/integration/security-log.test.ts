// The security event log (issue 9 item 7): structured JSON lines from one
// pino logger, each with the request id and user id, never a password or a
// secret; sign-ins, throttling, session revocation, origin refusals and
// unexpected errors are logged.
import { randomUUID } from "node:crypto";

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { revokeSessions } from "@/lib/auth/sessions";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { assertSameOrigin } from "@/lib/http/api";
import { PEER_HEADER, peerStamp } from "@/lib/http/client-address";
import { problemFromError } from "@/lib/http/problem";
import { log, withRequestContext } from "@/lib/log";
import { updateUser } from "@/lib/users/service";

import { createUser, FACTORY_PASSWORD } from "../support/factories";

type Line = Record<string, unknown>;
let lines: Line[] = [];
let savedLevel: string;

beforeEach(() => {
  lines = [];
  savedLevel = log.level;
  log.level = "info";
  const write = process.stdout.write.bind(process.stdout);
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = String(chunk);
    if (text.startsWith("{")) {
      lines.push(JSON.parse(text) as Line);
      return true;
    }
    return write(chunk, ...(rest as []));
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  log.level = savedLevel;
});

const event = (name: string) => lines.filter((line) => line.event === name);

describe("security log", () => {
  it("logs failed and successful sign-ins with request and user ids, and no password", async () => {
    const user = await createUser("analyst");
    const headers = { [PEER_HEADER]: peerStamp("10.20.30.40") };
    await withRequestContext({ requestId: "req-fail" }, () => signInWithPassword({ email: user.email, password: "s3cret-guess" }, headers));
    await withRequestContext({ requestId: "req-ok" }, () => signInWithPassword({ email: user.email, password: FACTORY_PASSWORD }, headers));
    expect(event("auth.sign_in.wrong_password")[0]).toMatchObject({
      level: "warn",
      requestId: "req-fail",
      userId: null,
      email: user.email,
      ip: "10.20.30.40",
      targetUserId: user.id,
    });
    expect(event("auth.sign_in.success")[0]).toMatchObject({ level: "info", requestId: "req-ok", userId: user.id });
    const text = JSON.stringify(lines);
    expect(text).not.toContain("s3cret-guess");
    expect(text).not.toContain(FACTORY_PASSWORD);
  });

  it("logs throttled sign-ins", async () => {
    const email = `nobody-${randomUUID()}@example.com`;
    const headers = { [PEER_HEADER]: peerStamp("10.66.66.66") };
    for (let i = 0; i < 11; i++) await signInWithPassword({ email, password: "x" }, headers).catch(() => null);
    expect(event("auth.sign_in.throttled")[0]).toMatchObject({ level: "warn", email, retryAfterSeconds: expect.any(Number) });
  });

  it("logs session revocation and user administration without the new password", async () => {
    const admin = await createUser("admin");
    const analyst = await createUser("analyst");
    await withRequestContext({ requestId: "req-admin", userId: admin.id }, () =>
      updateUser(admin, analyst.id, { password: "an-entirely-new-password" }),
    );
    expect(event("admin.user_updated")[0]).toMatchObject({
      requestId: "req-admin",
      userId: admin.id,
      targetUserId: analyst.id,
      changed: ["password"],
    });
    await revokeSessions(analyst.id, { actorId: analyst.id, reason: "sign_out_everywhere" });
    expect(event("auth.sessions_revoked")[0]).toMatchObject({ targetUserId: analyst.id, reason: "sign_out_everywhere" });
    expect(JSON.stringify(lines)).not.toContain("an-entirely-new-password");
  });

  it("logs cross-origin writes refused", () => {
    const request = new Request("http://localhost:3000/api/v1/comparisons", {
      method: "POST",
      headers: { origin: "https://evil.example", host: "localhost:3000" },
    });
    expect(() => withRequestContext({ requestId: "req-csrf" }, () => assertSameOrigin(request))).toThrow(/Cross-origin/);
    expect(event("http.origin_refused")[0]).toMatchObject({ level: "warn", requestId: "req-csrf", origin: "https://evil.example" });
  });

  it("logs unexpected errors with an id, and redacts secrets in any logged object", () => {
    const problem = problemFromError(new Error("database exploded"), "GET /api/v1/x");
    expect(event("http.unexpected_error")[0]).toMatchObject({ level: "error", errorId: problem.errorId });
    log.info(
      { event: "test.redaction", password: "p1", user: { token: "t1" }, headers: { cookie: "c1", authorization: "Bearer a1" } },
      "x",
    );
    expect(event("test.redaction")[0]).toMatchObject({
      password: "[redacted]",
      user: { token: "[redacted]" },
      headers: { cookie: "[redacted]", authorization: "[redacted]" },
    });
  });
});
