"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { createInvitation, fetchInvitations, fetchMembers, memberKeys, removeMember, revokeInvitation, updateMemberRole, type TCreatedInvitation, type TRole } from "@/lib/client/members";

const ROLES: TRole[] = ["owner", "admin", "analyst", "viewer"];
const ROLE_HELP: Record<TRole, string> = {
  owner: "everything, including owners and admins",
  admin: "clusters, users (analyst and viewer), settings",
  analyst: "triage: suppress findings, manage investigations, reports",
  viewer: "read only",
};

export function MembersPanel({ orgId, role, canWrite, currentUserId }: { orgId: string; role: TRole; canWrite: boolean; currentUserId: string }) {
  const qc = useQueryClient();
  const members = useQuery({ queryKey: memberKeys.all(orgId), queryFn: ({ signal }) => fetchMembers(signal) });
  const invitations = useQuery({ queryKey: memberKeys.invitations(orgId), queryFn: ({ signal }) => fetchInvitations(signal) });
  const [email, setEmail] = useState("");
  const [newRole, setNewRole] = useState<TRole>("viewer");
  const [created, setCreated] = useState<TCreatedInvitation | null>(null);
  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: memberKeys.all(orgId) }), qc.invalidateQueries({ queryKey: memberKeys.invitations(orgId) })]);
  const invite = useMutation({ mutationFn: createInvitation, onSuccess: (inv) => { setCreated(inv); setEmail(""); return refresh(); } });
  const changeRole = useMutation({ mutationFn: ({ id, role: r }: { id: string; role: TRole }) => updateMemberRole(id, r), onSuccess: refresh });
  const remove = useMutation({ mutationFn: removeMember, onSuccess: refresh });
  const revoke = useMutation({ mutationFn: revokeInvitation, onSuccess: refresh });
  const assignable = ROLES.filter((r) => role === "owner" || r === "analyst" || r === "viewer");
  const error = invite.error ?? changeRole.error ?? remove.error ?? revoke.error;
  return (
    <>
      {canWrite ? (
        <div className="card">
          <h2>Invite a user</h2>
          <form className="row" onSubmit={(e) => { e.preventDefault(); invite.mutate({ email, role: newRole }); }}>
            <input aria-label="Email to invite" type="email" required placeholder="name@company.com" value={email} onChange={(e) => setEmail(e.target.value)} style={{ maxWidth: 320 }} />
            <select aria-label="Role" value={newRole} onChange={(e) => setNewRole(e.target.value as TRole)} style={{ maxWidth: 160 }}>
              {assignable.map((r) => <option key={r} value={r}>{r}</option>)}
            </select>
            <button className="btn btn-primary" type="submit" disabled={invite.isPending}>Create invitation link</button>
          </form>
          <p className="muted" style={{ marginTop: 8 }}>{newRole}: {ROLE_HELP[newRole]}. Links are valid for 7 days and work once.</p>
          {created ? (
            <div className="alert alert-ok" data-testid="invitation-link">
              Send this link to {created.email}: <code>{`${window.location.origin}${created.path}`}</code>
            </div>
          ) : null}
        </div>
      ) : null}
      {error ? <div className="alert alert-error" role="alert">{error.message}</div> : null}
      <div className="card">
        <h2>Members</h2>
        {members.isLoading ? <p className="muted">Loading…</p> : null}
        <table>
          <thead><tr><th>User</th><th>Role</th><th>Last sign-in</th><th /></tr></thead>
          <tbody>
            {members.data?.map((m) => (
              <tr key={m.id} data-testid="member-row">
                <td>{m.name ?? "—"}<div className="muted">{m.email}</div></td>
                <td>
                  {canWrite && m.userId !== currentUserId && (role === "owner" || (m.role !== "owner" && m.role !== "admin")) ? (
                    <select aria-label={`Role of ${m.email}`} value={m.role} onChange={(e) => changeRole.mutate({ id: m.id, role: e.target.value as TRole })} style={{ maxWidth: 140 }}>
                      {assignable.map((r) => <option key={r} value={r}>{r}</option>)}
                    </select>
                  ) : <span className="badge">{m.role}</span>}
                </td>
                <td className="muted">{m.lastSignInAt ? new Date(m.lastSignInAt).toLocaleString() : "never"}</td>
                <td>{canWrite && m.userId !== currentUserId ? <button className="btn btn-danger" type="button" onClick={() => confirm(`Remove ${m.email}?`) && remove.mutate(m.id)}>Remove</button> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {invitations.data?.length ? (
        <div className="card">
          <h2>Pending invitations</h2>
          <table>
            <thead><tr><th>Email</th><th>Role</th><th>Expires</th><th /></tr></thead>
            <tbody>
              {invitations.data.map((i) => (
                <tr key={i.id}>
                  <td>{i.email}</td><td><span className="badge">{i.role}</span></td><td className="muted">{new Date(i.expiresAt).toLocaleDateString()}</td>
                  <td>{canWrite ? <button className="btn" type="button" onClick={() => revoke.mutate(i.id)}>Revoke</button> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
