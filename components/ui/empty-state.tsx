import Link from "next/link";
import type { ReactNode } from "react";

/** What will appear on a page and how to get it there, instead of a blank table. */
export function EmptyState({ title, children, action }: { title: string; children: ReactNode; action?: { href: string; label: string } }) {
  return (
    <div className="card empty" data-testid="empty-state">
      <h2>{title}</h2>
      <div className="muted" style={{ maxWidth: 560, margin: "0 auto 16px" }}>{children}</div>
      {action ? (
        <Link className="btn btn-primary" href={action.href}>
          {action.label}
        </Link>
      ) : null}
    </div>
  );
}
