import type { Rule } from "../../define-rule";

export const rbacRules: Rule[] = [];
