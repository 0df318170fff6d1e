// A real OpenID provider for tests: the `oidc-provider` package (a certified
// implementation) on a loopback port, with one confidential client whose
// redirect is the app's next-auth callback, its development login/consent
// pages (any password; the login name is the account id), and accounts
// whose claims each test controls.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";

import Provider from "oidc-provider";

export type TestAccountClaims = { email: string; email_verified: boolean; name?: string; groups?: string[] };

export type TestOidcProvider = {
  issuer: string;
  /** Accounts by login name; change them between sign-ins. */
  accounts: Map<string, TestAccountClaims>;
  close(): Promise<void>;
};

export type StartOptions = {
  port: number;
  client: { id: string; secret: string };
  redirectUris: string[];
  accounts?: Record<string, TestAccountClaims>;
};

export async function startOidcProvider(options: StartOptions): Promise<TestOidcProvider> {
  const accounts = new Map(Object.entries(options.accounts ?? {}));
  const issuer = `http://127.0.0.1:${options.port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.client.id,
        client_secret: options.client.secret,
        redirect_uris: options.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
    // Scope claims in the ID token itself (next-auth reads the ID token, not userinfo).
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["parallax-test-provider-cookie-key"] },
    async findAccount(_ctx, id) {
      const claims = accounts.get(id);
      if (!claims) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...claims }) };
    },
  });
  // No log noise from the development interactions / keys warnings in test output.
  provider.on("server_error", (_ctx, error) => console.error("[test oidc provider]", error));
  const server: Server = await new Promise((resolve) => {
    const listening = provider.listen(options.port, "127.0.0.1", () => resolve(listening));
  });
  const port = (server.address() as AddressInfo).port;
  return {
    issuer: `http://127.0.0.1:${port}`,
    accounts,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // keep-alive connections would hold close() open
      }),
  };
}
