import type { Rule } from "../../define-rule";

export const istioRules: Rule[] = [];
