// Environment, validated once with zod. next.config.js imports this file, so a
// malformed variable fails `next build` and `next start` instead of surfacing
// later as a confusing runtime error. Secrets that only matter at run time
// (NEXTAUTH_SECRET) are checked by the launcher (scripts/run.ts) and lib/auth.
import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((value) => value === "true" || value === "1");

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    NEXTAUTH_URL: z.string().url().optional(),
    PARALLAX_ALLOW_PRIVATE_URLS: booleanFlag,
    PARALLAX_LOGIN_MAX_ATTEMPTS: z.coerce.number().int().positive().default(10),
    PARALLAX_LOGIN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
    PARALLAX_LIVE_MAX_STREAMS_PER_USER: z.coerce.number().int().positive().default(10),
    PARALLAX_LIVE_BUFFER_KB: z.coerce.number().int().min(16).default(256),
    PARALLAX_LIVE_HEARTBEAT_SECONDS: z.coerce.number().int().min(1).max(60).default(15),
    PARALLAX_TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    PARALLAX_SESSION_MAX_HOURS: z.coerce.number().positive().max(720).default(12),
    PARALLAX_IMPORT_TIMEOUT_SECONDS: z.coerce.number().positive().max(600).default(10),
    PARALLAX_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
    /** "false" keeps this instance from computing suggestions (other instances still do). */
    PARALLAX_SUGGESTIONS_WORKER: z.enum(["true", "false"]).default("true"),
    // Database pool and timeouts (lib/db.ts): bounded waits, so an outage answers 503 instead of hanging.
    PARALLAX_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    PARALLAX_DB_CONNECT_TIMEOUT: z.coerce.number().int().min(100).default(2000),
    PARALLAX_DB_STATEMENT_TIMEOUT: z.coerce.number().int().min(0).default(15000),
    PARALLAX_DB_IDLE_TX_TIMEOUT: z.coerce.number().int().min(0).default(10000),
    /** Roles that must use two-factor with password sign-in, e.g. "reviewer,admin" (lib/auth/two-factor-policy.ts). */
    PARALLAX_REQUIRE_2FA_FOR: z
      .string()
      .optional()
      .refine(
        (value) => !value || value.split(",").every((role) => ["analyst", "reviewer", "admin"].includes(role.trim())),
        "must be a comma-separated list of roles (analyst, reviewer, admin)",
      ),
    // OpenID Connect single sign-on (lib/auth/oidc-config.ts): off unless issuer, client id and secret are all set.
    OIDC_ISSUER: z.string().url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_NAME: z.string().trim().min(1).max(60).default("your organisation"),
    OIDC_AUTO_CREATE: booleanFlag,
    OIDC_ROLE_CLAIM: z.string().trim().min(1).max(100).optional(),
    /** "group=role,group=role", roles analyst|reviewer|admin. */
    OIDC_ROLE_MAP: z
      .string()
      .refine(
        (value) =>
          value.split(",").every((pair) => {
            const [group, role, ...rest] = pair.split("=").map((part) => part.trim());
            return Boolean(group) && ["analyst", "reviewer", "admin"].includes(role ?? "") && rest.length === 0;
          }),
        "must be group=role pairs, comma-separated (roles: analyst, reviewer, admin)",
      )
      .optional(),
  })
  .refine((value) => [value.OIDC_ISSUER, value.OIDC_CLIENT_ID, value.OIDC_CLIENT_SECRET].filter(Boolean).length % 3 === 0, {
    message: "set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together (or none)",
    path: ["OIDC_ISSUER"],
  });

const parsed = schema.safeParse(process.env);
if (!parsed.success) {
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`Invalid environment:\n${lines.join("\n")}`);
}

/** @type {z.infer<typeof schema>} */
export const env = parsed.data;
