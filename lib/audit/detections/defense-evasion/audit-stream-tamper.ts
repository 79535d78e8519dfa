import { SECURITY_NAMESPACES } from "../../allowlists";
import { defineStatefulDetection, type Match } from "../../define-detection";
import { describePrincipal, isSuccessful, isSystemPrincipal, pastTense } from "../../event-helpers";
import { cooldownOk, HOUR, MINUTE } from "../../state-helpers";

/** No event at all for this long, after a stream that was busy, is a gap. */
const GAP_MS = 15 * MINUTE;
const BUSY_PER_MIN = 5;
/** Rate drops are judged only on streams of at least this many events per minute. */
const DROP_BASELINE_PER_MIN = 20;
type State = { last: number | null; minute: number | null; count: number; history: number[]; sum: number; fired: Record<string, number> };
const TAMPER_RESOURCES = ["daemonsets", "deployments", "statefulsets", "configmaps"];
const TAMPER_VERBS = ["delete", "deletecollection", "patch", "update"];

const tamper = (e: Parameters<typeof describePrincipal>[0]): Match | undefined => {
  const ns = e.objectRef.namespace ?? "";
  const security = SECURITY_NAMESPACES.includes(ns);
  const auditObject = ns === "kube-system" && /audit/.test(e.objectRef.name ?? "");
  if (!(security || auditObject) || !TAMPER_RESOURCES.includes(e.objectRef.resource ?? "") || !TAMPER_VERBS.includes(e.verb)) return undefined;
  if (!isSuccessful(e) || isSystemPrincipal(e.user.username)) return undefined;
  const scaleToZero = e.objectRef.subresource === "scale" && (e.object?.spec as Record<string, unknown> | undefined)?.replicas === 0;
  if (e.objectRef.subresource && !scaleToZero) return undefined;
  return { message: `${describePrincipal(e)} ${scaleToZero ? "scaled to zero" : pastTense(e.verb)} ${e.objectRef.resource} '${e.objectRef.name ?? "?"}' in security/audit namespace '${ns}'` };
};

export default defineStatefulDetection<State>({
  id: "TWD-0043",
  name: "audit-stream-tamper",
  title: "Audit stream gap, truncation or security tooling tamper",
  severity: "high",
  tactic: "defense-evasion",
  description:
    "The audit stream went silent for 15 minutes after being busy, fell by more than 90% against its last hour, or carried audit.k8s.io/truncated events; or someone deleted, scaled to zero or changed the workloads and config of a security tool or of kube-system audit objects.",
  refs: { mitre: ["T1562.001", "T1562.008"], ms: ["MS-TA9022"], falco: [] },
  needs: { level: "Metadata", stage: "ResponseComplete" },
  covers: ["Audit stream gap, truncation or security tooling tamper"],
  initialState: () => ({ last: null, minute: null, count: 0, history: [], sum: 0, fired: {} }),
  step: (s, e) => {
    const out: Match[] = [];
    const minute = Math.floor(e.ts / MINUTE);
    const avg = s.history.length ? s.sum / s.history.length : 0;
    if (s.last !== null && e.ts - s.last >= GAP_MS && avg >= BUSY_PER_MIN) {
      out.push({ message: `No audit events for ${Math.round((e.ts - s.last) / MINUTE)} minutes (from ${new Date(s.last).toISOString()}) after ${avg.toFixed(0)} events/min`, firstTs: s.last, principal: "(audit stream)" });
    } else if (s.minute !== null && minute > s.minute && s.history.length >= 30 && avg >= DROP_BASELINE_PER_MIN && s.count < avg * 0.1 && cooldownOk(s.fired, "drop", e.ts, HOUR)) {
      out.push({ message: `Audit event rate fell to ${s.count}/min against ${avg.toFixed(0)}/min over the last hour`, severity: "medium", principal: "(audit stream)" });
    }
    if (s.minute === null || minute > s.minute) {
      if (s.minute !== null) {
        s.history.push(s.count);
        s.sum += s.count;
        for (let skipped = Math.min(minute - s.minute - 1, 60); skipped > 0; skipped--) s.history.push(0);
        for (const dropped of s.history.splice(0, Math.max(0, s.history.length - 60))) s.sum -= dropped;
      }
      s.minute = minute;
      s.count = 0;
    }
    s.count++;
    s.last = e.ts;
    if (e.annotations["audit.k8s.io/truncated"] === "true" && cooldownOk(s.fired, "truncated", e.ts, HOUR)) {
      out.push({ message: `Audit event ${e.auditID} was truncated (audit.k8s.io/truncated): its request/response bodies were dropped`, severity: "medium" });
    }
    const t = tamper(e);
    if (t) out.push(t);
    return out;
  },
});
