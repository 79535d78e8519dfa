import type { AssessedControl, StatusCounts } from "./types";

/**
 * score = 100 x (pass + 0.5 x partial) / (pass + fail + partial), rounded to one decimal.
 * Only controls Tower could assess count: not-assessable and not-applicable are left out of both sides. A partial
 * control found no failure but could not see everything, so it earns half. With nothing assessed the score is 0.
 */
export const SCORE_FORMULA = "score = 100 x (pass + 0.5 x partial) / (pass + fail + partial); not-assessable and not-applicable controls are left out";

export const countStatuses = (controls: readonly Pick<AssessedControl, "status">[]): StatusCounts => {
  const counts: StatusCounts = { pass: 0, fail: 0, partial: 0, "not-assessable": 0, "not-applicable": 0 };
  for (const c of controls) counts[c.status]++;
  return counts;
};

export const scoreOf = (counts: StatusCounts): number => {
  const assessed = counts.pass + counts.fail + counts.partial;
  if (assessed === 0) return 0;
  return Math.round((1000 * (counts.pass + 0.5 * counts.partial)) / assessed) / 10;
};
