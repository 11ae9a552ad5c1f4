import type { Sla } from '../model';

/** The turnaround an added service agreement starts with: one day. */
export const DEFAULT_SLA_HOURS = 24;
/** The on-time bonus an added agreement starts with: 25% for work on time without help. */
export const DEFAULT_ON_TIME_BONUS_PERCENT = 25;
/** How often results are reviewed, in an added agreement. */
export const DEFAULT_REVIEW_CADENCE = 'Weekly';

/**
 * The agreement a person starts with: a day's turnaround, a 25% bonus for work on time
 * without help, escalation to the owner, a weekly review; whatever `existing` sets is kept.
 * @example defaultAgreement('Me').onTimeBonusPercent // 25
 */
export function defaultAgreement(ownerName: string | undefined, existing?: Sla): Sla {
  return {
    turnaroundHours: DEFAULT_SLA_HOURS,
    onTimeBonusPercent: DEFAULT_ON_TIME_BONUS_PERCENT,
    ...(ownerName ? { escalateTo: ownerName } : {}),
    reviewCadence: DEFAULT_REVIEW_CADENCE,
    ...existing,
  };
}
