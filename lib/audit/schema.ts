import { z } from "zod";

const ZUser = z.looseObject({
  username: z.string().optional(),
  uid: z.string().optional(),
  groups: z.array(z.string()).nullish(),
  extra: z.record(z.string(), z.union([z.array(z.string()), z.string()])).nullish(),
});

const ZObjectRef = z.looseObject({
  resource: z.string().optional(),
  subresource: z.string().optional(),
  namespace: z.string().optional(),
  name: z.string().optional(),
  apiGroup: z.string().optional(),
  apiVersion: z.string().optional(),
});

/** audit.k8s.io/v1 (and v1beta1) Event as it arrives, after any cloud envelope is removed. Unknown fields pass through. */
export const ZRawAuditEvent = z
  .looseObject({
    kind: z.literal("Event").optional(),
    apiVersion: z.string().regex(/^audit\.k8s\.io\//, "not an audit.k8s.io apiVersion").optional(),
    auditID: z.string().nullish(),
    stage: z.enum(["RequestReceived", "ResponseStarted", "ResponseComplete", "Panic"]).nullish(),
    level: z.enum(["None", "Metadata", "Request", "RequestResponse"]).nullish(),
    verb: z.string().min(1),
    requestURI: z.string().nullish(),
    user: ZUser.nullish(),
    impersonatedUser: ZUser.nullish(),
    sourceIPs: z.array(z.string()).nullish(),
    userAgent: z.string().nullish(),
    objectRef: ZObjectRef.nullish(),
    responseStatus: z.looseObject({ code: z.number().optional() }).nullish(),
    requestObject: z.unknown().optional(),
    responseObject: z.unknown().optional(),
    requestReceivedTimestamp: z.string().nullish(),
    stageTimestamp: z.string().nullish(),
    timestamp: z.string().nullish(),
    metadata: z.looseObject({ creationTimestamp: z.string().nullish() }).nullish(),
    annotations: z.record(z.string(), z.string()).nullish(),
  })
  .refine((e) => !!e.requestURI || !!e.objectRef, { message: "neither requestURI nor objectRef" });

export type TRawAuditEvent = z.infer<typeof ZRawAuditEvent>;

export const formatIssues = (error: z.ZodError): string =>
  error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message))
    .join("; ");
