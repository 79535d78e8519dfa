import type { Rule } from "../../define-rule";
import allowPrivilegeEscalation from "./allow-privilege-escalation";
import capabilitiesAddedBeyondBaseline from "./capabilities-added-beyond-baseline";
import capabilitiesAddedBeyondNetBindService from "./capabilities-added-beyond-net-bind-service";
import capabilitiesNotDroppedAll from "./capabilities-not-dropped-all";
import capabilityNetRaw from "./capability-net-raw";
import capabilitySysAdmin from "./capability-sys-admin";
import containerRuntimeSocketMount from "./container-runtime-socket-mount";
import dangerousCapabilities from "./dangerous-capabilities";
import hostIpc from "./host-ipc";
import hostNetwork from "./host-network";
import hostPid from "./host-pid";
import hostPort from "./host-port";
import hostpathVolume from "./hostpath-volume";
import hostpathWritable from "./hostpath-writable";
import namespaceWithoutPodSecurityAdmission from "./namespace-without-pod-security-admission";
import privilegedContainer from "./privileged-container";
import runAsLowUidGid from "./run-as-low-uid-gid";
import runAsNonRootNotSet from "./run-as-non-root-not-set";
import runAsUid0 from "./run-as-uid-0";
import sensitiveHostPathMount from "./sensitive-host-path-mount";

/** PSS baseline/restricted and host-access rules. */
export const podSecurityRules: Rule[] = [
  privilegedContainer,
  namespaceWithoutPodSecurityAdmission,
  hostPid,
  hostIpc,
  hostNetwork,
  hostPort,
  hostpathVolume,
  hostpathWritable,
  containerRuntimeSocketMount,
  sensitiveHostPathMount,
  allowPrivilegeEscalation,
  runAsNonRootNotSet,
  runAsUid0,
  runAsLowUidGid,
  capabilitiesNotDroppedAll,
  capabilitiesAddedBeyondNetBindService,
  capabilitiesAddedBeyondBaseline,
  capabilitySysAdmin,
  capabilityNetRaw,
  dangerousCapabilities,
];
