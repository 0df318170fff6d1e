// Single sign-on configuration from the environment: off unless the issuer,
// client id and secret are set; the group claim and role map read leniently
// but only into known roles.
import { describe, expect, it } from "vitest";

import { parseRoleMap, readOidcConfig, roleFromClaims } from "@/lib/auth/oidc-config";
import { env } from "@/lib/env.js";

const base = { ...env, OIDC_ISSUER: "https://id.example.org/realms/x/", OIDC_CLIENT_ID: "parallax", OIDC_CLIENT_SECRET: "s3cret" };

describe("OIDC configuration", () => {
  it("is off without issuer, client id and secret — the app then offers passwords only", () => {
    expect(readOidcConfig({ ...env, OIDC_ISSUER: undefined, OIDC_CLIENT_ID: undefined, OIDC_CLIENT_SECRET: undefined })).toBeNull();
    expect(readOidcConfig({ ...base, OIDC_CLIENT_SECRET: undefined })).toBeNull();
  });

  it("reads the issuer without a trailing slash, the name and auto-create", () => {
    expect(readOidcConfig({ ...base, OIDC_NAME: "Acme ID", OIDC_AUTO_CREATE: true })).toMatchObject({
      issuer: "https://id.example.org/realms/x",
      name: "Acme ID",
      autoCreate: true,
      roleClaim: null,
      roleMap: [],
    });
  });

  it("maps groups to the highest role; no claim keeps the admin-set role", () => {
    const config = readOidcConfig({ ...base, OIDC_ROLE_CLAIM: "groups", OIDC_ROLE_MAP: " px-admins = admin ,px-rev=reviewer" })!;
    expect(config.roleMap).toEqual(parseRoleMap("px-admins=admin,px-rev=reviewer"));
    expect(roleFromClaims({ groups: ["px-rev", "px-admins"] }, config)).toBe("admin");
    expect(roleFromClaims({ groups: "px-rev" }, config)).toBe("reviewer");
    expect(roleFromClaims({ groups: ["other"] }, config)).toBe("analyst");
    expect(roleFromClaims({ groups: [42, { x: 1 }] }, config)).toBe("analyst");
    expect(roleFromClaims({}, config)).toBeNull();
    expect(roleFromClaims({ groups: ["px-admins"] }, { ...config, roleClaim: null })).toBeNull();
  });
});
