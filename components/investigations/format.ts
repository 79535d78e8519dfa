import type { TAuditEventDto } from "@/lib/client/investigations";

// Times are shown in UTC, the same on the server and in the browser (no hydration drift), as audit logs are.
export const fmtTime = (iso: string | number) => `${new Date(iso).toISOString().slice(0, 19).replace("T", " ")} UTC`;
/** "11-26 16:13": for narrow columns, still UTC. */
export const fmtShort = (iso: string) => `${new Date(iso).toISOString().slice(5, 16).replace("T", " ")}`;
export const fmtClock = (ms: number, withDate = false) => {
  const iso = new Date(ms).toISOString();
  return withDate ? `${iso.slice(5, 10)} ${iso.slice(11, 16)}` : iso.slice(11, 16);
};

export const eventObject = (e: Pick<TAuditEventDto, "namespace" | "name">) => [e.namespace, e.name].filter(Boolean).join("/");
export const eventResource = (e: Pick<TAuditEventDto, "resource" | "subresource">) => (e.resource ? `${e.resource}${e.subresource ? `/${e.subresource}` : ""}` : "(non-resource)");
export const isDenied = (e: Pick<TAuditEventDto, "code" | "decision">) => (e.code ?? 0) >= 400 || e.decision === "forbid";
