import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      "lib/generated/**",
      ".next/**",
      ".next-*/**",
      ".data/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "bench/results/**",
      "next-env.d.ts",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    // zod must be configured (jitless) before any schema is built; see lib/zod.ts.
    ignores: ["lib/zod.ts", "lib/env.js"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "zod", message: 'Import { z } from "@/lib/zod" (configured jitless for the CSP).' }] },
      ],
    },
  },
  {
    // Layers: components render and call the HTTP API; they never reach the database,
    // a service, or server-only modules. Types may be shared (they vanish at build time).
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "@/lib/db",
                "@/lib/generated/*",
                "@/lib/*/service",
                "@/lib/*/*-service",
                "@/lib/*/records",
                "@/lib/auth/session",
                "@/lib/auth/options",
                "@/lib/infra/*",
                "server-only",
              ],
              allowTypeImports: true,
              message:
                "components/ never reaches the database or server-only code: pass data as props or call the API (lib/client/api-client).",
            },
          ],
        },
      ],
    },
  },
];

export default config;
