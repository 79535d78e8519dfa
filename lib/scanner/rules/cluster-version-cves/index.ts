import type { Rule } from "../../define-rule";

export const clusterRules: Rule[] = [];
