// The single sign-on setup of the e2e server (playwright.config.ts) and of the
// test provider tests/e2e/sso.spec.ts starts: one place, so they agree.
const appPort = Number(process.env.E2E_PORT ?? 3100);

export const e2eOidc = {
  port: Number(process.env.E2E_OIDC_PORT ?? appPort + 1),
  name: "Test IdP",
  clientId: "parallax-test",
  clientSecret: "parallax-test-client-secret-0123456789",
  roleMap: "parallax-admins=admin,parallax-reviewers=reviewer,parallax-analysts=analyst",
} as const;

/** What the app server gets: the provider is only contacted when someone signs in with it. */
export function e2eOidcServerEnv(): Record<string, string> {
  return {
    OIDC_ISSUER: `http://127.0.0.1:${e2eOidc.port}`,
    OIDC_CLIENT_ID: e2eOidc.clientId,
    OIDC_CLIENT_SECRET: e2eOidc.clientSecret,
    OIDC_NAME: e2eOidc.name,
    OIDC_ROLE_CLAIM: "groups",
    OIDC_ROLE_MAP: e2eOidc.roleMap,
  };
}
