"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { TScope } from "@/lib/client/compliance";
import type { TFrameworkKey } from "@/lib/client/overview";
import { reportKeys, requestReport } from "@/lib/client/reports";

/** Queues a report of what the page shows (framework and scope) and goes to the Reports page to follow it. */
export function ExportReportButton({ orgId, framework, scope, canWrite }: { orgId: string; framework: TFrameworkKey; scope: TScope; canWrite: boolean }) {
  const [format, setFormat] = useState<"pdf" | "csv" | "json">("pdf");
  const router = useRouter();
  const qc = useQueryClient();
  const m = useMutation({
    mutationFn: () => requestReport({ kind: "compliance", framework, format, scope }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: reportKeys.all(orgId) });
      router.push("/reports");
    },
  });
  if (!canWrite) return <span className="muted small" title="Analysts and above can generate reports">Reports: analyst role needed</span>;
  return (
    <div className="row">
      <select aria-label="Report format" value={format} onChange={(e) => setFormat(e.target.value as typeof format)} style={{ width: "auto" }}>
        <option value="pdf">PDF</option><option value="csv">CSV</option><option value="json">JSON</option>
      </select>
      <button type="button" className="btn btn-primary" onClick={() => m.mutate()} disabled={m.isPending}>{m.isPending ? "Queuing…" : "Export report"}</button>
      {m.error ? <span className="text-danger small">{m.error.message}</span> : null}
    </div>
  );
}
