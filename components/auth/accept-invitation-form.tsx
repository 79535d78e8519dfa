"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { acceptInvitation } from "@/lib/client/public";

export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const accept = useMutation({ mutationFn: acceptInvitation });
  if (accept.isSuccess) {
    return (
      <div className="alert alert-ok">
        Your account {accept.data.email} is ready. <Link href="/signin">Sign in</Link>
      </div>
    );
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        accept.mutate({ token, name: String(f.get("name")), password: String(f.get("password")) });
      }}
    >
      <label htmlFor="email">Email</label>
      <input id="email" value={email} disabled readOnly />
      <label htmlFor="name">Your name</label>
      <input id="name" name="name" required autoComplete="name" />
      <label htmlFor="password">Choose a password (10 characters or more)</label>
      <input id="password" name="password" type="password" minLength={10} required autoComplete="new-password" />
      {accept.error ? <div className="alert alert-error" role="alert">{accept.error.message}</div> : null}
      <button className="btn btn-primary" type="submit" disabled={accept.isPending} style={{ marginTop: 16 }}>Create account</button>
    </form>
  );
}
