"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { completeSetup } from "@/lib/client/public";

export function SetupForm({ token }: { token: string }) {
  const setup = useMutation({ mutationFn: completeSetup });
  if (setup.isSuccess) {
    return (
      <div className="alert alert-ok">
        Tower is ready and {setup.data.email} is its owner. <Link href="/signin">Sign in</Link>
      </div>
    );
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        setup.mutate({ token, orgName: String(f.get("orgName")), name: String(f.get("name")), email: String(f.get("email")), password: String(f.get("password")) });
      }}
    >
      <label htmlFor="orgName">Organization</label>
      <input id="orgName" name="orgName" required defaultValue="My organization" />
      <label htmlFor="name">Your name</label>
      <input id="name" name="name" required />
      <label htmlFor="email">Email</label>
      <input id="email" name="email" type="email" required autoComplete="username" />
      <label htmlFor="password">Password (10 characters or more)</label>
      <input id="password" name="password" type="password" minLength={10} required autoComplete="new-password" />
      {setup.error ? <div className="alert alert-error" role="alert">{setup.error.message}</div> : null}
      <button className="btn btn-primary" type="submit" disabled={setup.isPending} style={{ marginTop: 16 }}>Create the owner account</button>
    </form>
  );
}
