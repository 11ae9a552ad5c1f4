export { ALL_RULES } from './allRules';
export { findingKey } from './findingKey';
export { reviewMap } from './reviewMap';
export { stepSeverities } from './stepSeverities';
export type { Review, ReviewFinding, ReviewRuleId } from './types';
