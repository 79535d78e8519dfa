import type { Rule } from "../../define-rule";
import apparmorUnconfined from "./apparmor-unconfined";
import automountServiceAccountToken from "./automount-service-account-token";
import cpuLimitMissing from "./cpu-limit-missing";
import defaultServiceAccountInUse from "./default-service-account-in-use";
import livenessProbeMissing from "./liveness-probe-missing";
import memoryLimitMissing from "./memory-limit-missing";
import procMountUnmasked from "./proc-mount-unmasked";
import readinessProbeMissing from "./readiness-probe-missing";
import readonlyRootFilesystem from "./readonly-root-filesystem";
import resourceRequestsMissing from "./resource-requests-missing";
import restrictedVolumeTypes from "./restricted-volume-types";
import seccompProfileNotSet from "./seccomp-profile-not-set";
import seccompUnconfined from "./seccomp-unconfined";
import selinuxCustomOptions from "./selinux-custom-options";
import unsafeSysctls from "./unsafe-sysctls";
import userWorkloadInKubeSystem from "./user-workload-in-kube-system";
import windowsHostprocess from "./windows-hostprocess";
import workloadInDefaultNamespace from "./workload-in-default-namespace";

/** Operational hygiene: resources, service accounts, namespaces, filesystem, and the PSS controls not in security-rules. */
export const podPracticeRules: Rule[] = [
  readonlyRootFilesystem,
  seccompUnconfined,
  seccompProfileNotSet,
  apparmorUnconfined,
  selinuxCustomOptions,
  procMountUnmasked,
  unsafeSysctls,
  windowsHostprocess,
  restrictedVolumeTypes,
  automountServiceAccountToken,
  defaultServiceAccountInUse,
  cpuLimitMissing,
  memoryLimitMissing,
  resourceRequestsMissing,
  workloadInDefaultNamespace,
  userWorkloadInKubeSystem,
  livenessProbeMissing,
  readinessProbeMissing,
];
