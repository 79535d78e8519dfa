import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { NavLinks } from "@/components/shell/nav-links";
import { UserMenu } from "@/components/shell/user-menu";
import { getPageContext } from "@/lib/auth/page-context";

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
        <main className="main">{children}</main>
      </div>
    </Providers>
  );
}
