import type { RuleRegistry } from "../define-rule";
import { clusterRules } from "./cluster-version-cves";
import { externalReportRules } from "./external-reports";
import { imageRules } from "./images-supply-chain";
import { ingressRules } from "./ingress";
import { istioRules } from "./istio";
import { networkPolicyRules } from "./network-policy";
import { operatorRules } from "./operators-webhooks";
import { podHardeningRules } from "./pod-hardening";
import { rbacRules } from "./rbac-api-access";
import { secretRules } from "./secrets";

/** Every rule Tower ships. Each theme's index lists its rules explicitly; a test checks it against the files. */
export const RULES = [
  ...podHardeningRules,
  ...imageRules,
  ...secretRules,
  ...rbacRules,
  ...networkPolicyRules,
  ...ingressRules,
  ...istioRules,
  ...operatorRules,
  ...clusterRules,
  ...externalReportRules,
] satisfies RuleRegistry;
