import "server-only";
import { findFramework } from "@/lib/compliance/frameworks";
import type { Framework } from "@/lib/compliance/types";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { assessBasis, type StoredAssessment } from "./assess-basis";
import { loadScopeBasis } from "./scope-basis";
import type { TScope } from "./scope";

export const frameworkOrThrow = (key: string): Framework => {
  const fw = findFramework(key);
  if (!fw) throw new NotFoundError("Framework");
  return fw;
};

/** The cluster ids of a scope; a cluster of another org is "not found", like one that does not exist. */
export const scopeClusterIds = async (orgId: string, scope: TScope): Promise<string[] | undefined> => {
  if (!scope.cluster) return undefined;
  const cluster = await db.cluster.findFirst({ where: { id: scope.cluster, orgId }, select: { id: true } });
  if (!cluster) throw new NotFoundError("Cluster");
  return [cluster.id];
};

/** Assesses an org's stored findings for one framework over a scope (fleet, cluster, namespace). */
export const assessStoredScope = async (orgId: string, framework: Framework, scope: TScope, now = new Date()): Promise<StoredAssessment> => {
  const clusterIds = await scopeClusterIds(orgId, scope);
  const basis = await loadScopeBasis(orgId, { clusterIds, namespace: scope.namespace, now });
  return assessBasis(basis, framework, now);
};
