import { AcceptInvitationForm } from "@/components/auth/accept-invitation-form";
import { Providers } from "@/components/providers";
import { getInvitationPreview } from "@/lib/services/invitations/accept-invitation";

export const metadata = { title: "Accept invitation" };
export const dynamic = "force-dynamic";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await getInvitationPreview(token);
  return (
    <div className="auth-wrap">
      <div className="card auth-card">
        {invitation ? (
          <>
            <h1>Join {invitation.orgName}</h1>
            <p className="muted">You are invited as <strong>{invitation.role}</strong>.</p>
            <Providers>
              <AcceptInvitationForm token={token} email={invitation.email} />
            </Providers>
          </>
        ) : (
          <>
            <h1>Invitation not valid</h1>
            <p className="muted">This link has expired, was revoked or was already used. Ask an owner of your Tower for a new one.</p>
          </>
        )}
      </div>
    </div>
  );
}
