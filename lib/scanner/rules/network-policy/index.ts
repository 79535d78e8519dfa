import type { Rule } from "../../define-rule";

export const networkPolicyRules: Rule[] = [];
