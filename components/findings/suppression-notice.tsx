"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { clusterKeys } from "@/lib/client/clusters";
import { findingKeys, revokeSuppression, type TFindingDetail } from "@/lib/client/findings";

export function SuppressionNotice({ orgId, suppression, canWrite }: { orgId: string; suppression: NonNullable<TFindingDetail["suppression"]>; canWrite: boolean }) {
  const qc = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => revokeSuppression(suppression.id),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: findingKeys.all(orgId) }), qc.invalidateQueries({ queryKey: clusterKeys.all(orgId) })]),
  });
  return (
    <div className="alert" data-testid="suppression-notice">
      <strong>Risk accepted</strong>{suppression.expiresAt ? ` until ${new Date(suppression.expiresAt).toLocaleDateString()}` : " with no expiry"}: {suppression.reason}
      {canWrite ? <> <button className="btn btn-small" type="button" disabled={revoke.isPending} onClick={() => revoke.mutate()}>Revoke</button></> : null}
      {revoke.error ? <div className="text-danger">{revoke.error.message}</div> : null}
    </div>
  );
}
