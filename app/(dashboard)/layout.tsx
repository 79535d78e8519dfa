import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { NavLinks } from "@/components/shell/nav-links";
import { UserMenu } from "@/components/shell/user-menu";
import { getPageContext } from "@/lib/auth/page-context";
import { hasDemoData } from "@/lib/services/bootstrap/ensure-demo-cluster";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const ctx = await getPageContext();
  return (
    <Providers>
      <div className="shell">
        <aside className="sidebar">
          <div className="brand">
            <img src="/icon.svg" alt="" width={24} height={24} /> Tower
          </div>
          <NavLinks />
          <UserMenu email={ctx.user.email} role={ctx.role} orgName={ctx.org.name} />
        </aside>
        <main className="main">
          {(await hasDemoData(ctx.org.id)) ? (
            <div className="alert demo-banner" data-testid="demo-banner">
              Demo data: the cluster <strong>demo-shop</strong> is simulated by Tower (npm run demo). Its findings are examples, not your infrastructure.
            </div>
          ) : null}
          {children}
        </main>
      </div>
    </Providers>
  );
}
