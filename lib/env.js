// Environment, validated once with zod. next.config.js imports this file, so a
// malformed variable fails `next build` and `next start` instead of surfacing
// later as a confusing runtime error. Secrets that only matter at run time
// (NEXTAUTH_SECRET) are checked by the launcher (scripts/run.ts) and lib/auth.
import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((value) => value === "true" || value === "1");

const schema = z.object({
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
});

const parsed = schema.safeParse(process.env);
if (!parsed.success) {
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`Invalid environment:\n${lines.join("\n")}`);
}

/** @type {z.infer<typeof schema>} */
export const env = parsed.data;
