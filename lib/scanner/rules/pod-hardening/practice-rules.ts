import type { Rule } from "../../define-rule";

/** Operational hygiene: resources, service accounts, namespaces, filesystem. */
export const podPracticeRules: Rule[] = [];
