import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { authOptions } from "./options";

const withEnv = (vars: Record<string, string | undefined>) => {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
};

describe("next-auth options", () => {
  afterEach(() => withEnv({ TOWER_OIDC_ISSUER: undefined, TOWER_OIDC_CLIENT_ID: undefined, TOWER_OIDC_CLIENT_SECRET: undefined, TOWER_SESSION_MAX_AGE_HOURS: undefined }));

  it("offers email + password only, with JWT sessions that expire", () => {
    withEnv({ TOWER_SESSION_MAX_AGE_HOURS: "8" });
    const o = authOptions();
    expect(o.providers.map((p) => p.id)).toEqual(["credentials"]);
    expect(o.session).toMatchObject({ strategy: "jwt", maxAge: 8 * 3600 });
  });

  it("turns on a generic OIDC provider from the environment, with PKCE and state", () => {
    withEnv({ TOWER_OIDC_ISSUER: "https://sso.example.test/realms/corp/", TOWER_OIDC_CLIENT_ID: "tower", TOWER_OIDC_CLIENT_SECRET: "s" });
    const oidc = authOptions().providers.find((p) => p.id === "oidc") as unknown as { wellKnown: string; checks: string[]; clientId: string };
    expect(oidc.wellKnown).toBe("https://sso.example.test/realms/corp/.well-known/openid-configuration");
    expect(oidc.checks).toEqual(["pkce", "state"]);
    expect(oidc.clientId).toBe("tower");
  });

  it("needs all three OIDC variables", () => {
    withEnv({ TOWER_OIDC_ISSUER: "https://sso.example.test", TOWER_OIDC_CLIENT_ID: "tower" });
    expect(authOptions().providers.map((p) => p.id)).toEqual(["credentials"]);
  });
});
