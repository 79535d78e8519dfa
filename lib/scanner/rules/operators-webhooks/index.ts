import type { Rule } from "../../define-rule";

export const operatorRules: Rule[] = [];
