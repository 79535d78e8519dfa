import type { Rule } from "../../define-rule";
import { podPracticeRules } from "./practice-rules";
import { podSecurityRules } from "./security-rules";

export const podHardeningRules: Rule[] = [...podSecurityRules, ...podPracticeRules];
