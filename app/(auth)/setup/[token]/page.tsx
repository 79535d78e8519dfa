import { SetupForm } from "@/components/auth/setup-form";
import { Providers } from "@/components/providers";

export const metadata = { title: "Set up Tower" };
export const dynamic = "force-dynamic";

export default async function SetupPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <div className="auth-wrap">
      <div className="card auth-card">
        <h1>Set up Tower</h1>
        <p className="muted">Create your organization and its first owner. This link works once.</p>
        <Providers>
          <SetupForm token={token} />
        </Providers>
      </div>
    </div>
  );
}
