/**
 * The 2030 goal as the model counts it: who is in a year's goal cohort, and when a year
 * meets the goal. The cohort of a year is everyone who entered at a crisis shelter in that
 * year and did not leave with an own solution; the goal is met when the share triaged
 * within `goal.triageDays` reaches `goal.triageTarget` and the share of those waiting for
 * a home who reached one within `goal.homeDays` reaches `goal.rehousingTarget`.
 */
import type { Scenario } from '../scenario/schema.ts';

/** Whether an entrant counts in the goal cohort of their arrival year. */
export function inGoalCohort(entersAtCrisis: boolean, selfResolves: boolean): boolean {
  return entersAtCrisis && !selfResolves;
}

/** Whether a triage `daysSinceArrival` after arrival is within the goal's days. */
export function triagedInTime(daysSinceArrival: number, goal: Scenario['goal']): boolean {
  return daysSinceArrival <= goal.triageDays;
}

/** Whether a home reached `daysSinceArrival` after arrival is within the goal's days. */
export function homeInTime(daysSinceArrival: number, goal: Scenario['goal']): boolean {
  return daysSinceArrival <= goal.homeDays;
}

/** Whether a year with these cohort shares (0–1) meets the goal. */
export function goalMet(
  triageShare: number,
  rehousingShare: number,
  goal: Scenario['goal'],
): boolean {
  return triageShare >= goal.triageTarget && rehousingShare >= goal.rehousingTarget;
}
