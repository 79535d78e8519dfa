import { PageHeader } from "@/components/ui/page-header";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { getPageContext } from "@/lib/auth/page-context";
import { ROLE_PERMISSIONS } from "@/lib/auth/permissions";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const ctx = await getPageContext();
  const permissions = [...ROLE_PERMISSIONS[ctx.role]];
  return (
    <>
      <PageHeader title="Settings" description="Users and roles, system health and Tower's own audit trail." />
      <SettingsTabs orgId={ctx.org.id} role={ctx.role} permissions={permissions} currentUserId={ctx.user.id} />
    </>
  );
}
