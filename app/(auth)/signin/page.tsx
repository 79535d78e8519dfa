import { Suspense } from "react";
import { SignInForm } from "@/components/auth/sign-in-form";
import { env } from "@/lib/env";

export const metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default function SignInPage() {
  const e = env();
  const oidcName = e.TOWER_OIDC_ISSUER && e.TOWER_OIDC_CLIENT_ID ? e.TOWER_OIDC_NAME : undefined;
  return (
    <div className="auth-wrap">
      <div className="card auth-card">
        <h1>Sign in to Tower</h1>
        <p className="muted">Kubernetes security control tower</p>
        <Suspense>
          <SignInForm oidcName={oidcName} />
        </Suspense>
      </div>
    </div>
  );
}
