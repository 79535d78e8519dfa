import type { Rule } from "../../define-rule";

export const ingressRules: Rule[] = [];
