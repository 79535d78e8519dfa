import type { Rule } from "../../define-rule";

export const secretRules: Rule[] = [];
