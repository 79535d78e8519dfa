"use client";

import { signOut } from "next-auth/react";
import { ThemeToggle } from "./theme-toggle";

export function UserMenu({ email, role, orgName }: { email: string; role: string; orgName: string }) {
  return (
    <div className="sidebar-footer">
      <div>
        <div style={{ fontWeight: 600 }}>{orgName}</div>
        <div className="muted" data-testid="user-email">{email}</div>
        <span className="badge" data-testid="user-role">{role}</span>
      </div>
      <ThemeToggle />
      <button className="btn" type="button" onClick={() => signOut({ callbackUrl: "/signin" })}>
        Sign out
      </button>
    </div>
  );
}
