/**
 * The target hourly rate: yearly income goal / productive hours a year, to the cent;
 * undefined when either is missing or the hours are not positive.
 * @example targetRate(260_000, 520) // 500
 */
export function targetRate(
  yearlyIncomeGoal: number | undefined,
  productiveHoursPerYear: number | undefined,
): number | undefined {
  if (yearlyIncomeGoal === undefined || productiveHoursPerYear === undefined) return undefined;
  if (!Number.isFinite(yearlyIncomeGoal) || !Number.isFinite(productiveHoursPerYear))
    return undefined;
  if (productiveHoursPerYear <= 0 || yearlyIncomeGoal < 0) return undefined;
  return Math.round((yearlyIncomeGoal / productiveHoursPerYear) * 100) / 100;
}
