import type { Rule } from "../../define-rule";

export const imageRules: Rule[] = [];
