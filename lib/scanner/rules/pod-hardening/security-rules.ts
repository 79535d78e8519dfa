import type { Rule } from "../../define-rule";
import privilegedContainer from "./privileged-container";

/** PSS baseline/restricted and host-access rules. */
export const podSecurityRules: Rule[] = [privilegedContainer];
