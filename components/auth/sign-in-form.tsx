"use client";

import { signIn } from "next-auth/react";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "Wrong email or password.",
  RateLimited: "Too many failed attempts. Wait 15 minutes and try again.",
  AccessDenied: "This account has no access to Tower. Ask an owner for an invitation.",
};

export function SignInForm({ oidcName }: { oidcName?: string }) {
  const router = useRouter();
  const params = useSearchParams();
  const [error, setError] = useState<string | null>(params.get("error") ? MESSAGES[params.get("error")!] ?? "Sign-in failed." : null);
  const [pending, setPending] = useState(false);
  const callbackUrl = params.get("callbackUrl")?.startsWith("/") ? params.get("callbackUrl")! : "/";
  return (
    <>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          setPending(true);
          setError(null);
          const res = await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirect: false });
          setPending(false);
          if (res?.ok && !res.error) router.replace(callbackUrl);
          else setError(MESSAGES[res?.error ?? ""] ?? "Sign-in failed.");
        }}
      >
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required />
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
        {error ? <div className="alert alert-error" role="alert">{error}</div> : null}
        <button className="btn btn-primary" type="submit" disabled={pending} style={{ marginTop: 16, width: "100%", justifyContent: "center" }}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {oidcName ? (
        <button className="btn" type="button" style={{ marginTop: 8, width: "100%", justifyContent: "center" }} onClick={() => signIn("oidc", { callbackUrl })}>
          Sign in with {oidcName}
        </button>
      ) : null}
    </>
  );
}
