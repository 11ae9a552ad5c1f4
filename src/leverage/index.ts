export {
  computeLeverage,
  findOwner,
  firstOutsourcer,
  type LeverageOptions,
} from './computeLeverage';
export {
  DEFAULT_ON_TIME_BONUS_PERCENT,
  DEFAULT_REVIEW_CADENCE,
  defaultAgreement,
} from './defaultAgreement';
export { formatHours, formatMoney, formatPercent } from './format';
export { type HandOffPack, handOffPack, type PackFor, type PackStep } from './handOffPack';
export { isOutside } from './isOutside';
export {
  DEFAULT_SLA_HOURS,
  handOffEdits,
  leverageFindings,
  OVERLOAD_WARNING_SHARE,
  rateWords,
} from './leverageFindings';
export { type LeverageSummary, leverageSummary } from './leverageSummary';
export { ownerColor } from './ownerColor';
export { packMap } from './packMap';
export { agreementLines, packMarkdown } from './packMarkdown';
export { patchSla } from './patchSla';
export { LEVERAGE_RULES } from './rules';
export { stepAgreement } from './stepAgreement';
export { csvCell, stepsCsv } from './stepsCsv';
export { targetRate } from './targetRate';
export {
  type HandOffCandidate,
  LEVERAGE_RULE_IDS,
  type Leverage,
  type LeverageFinding,
  type LeverageRuleId,
  type OwnerSplit,
  type PersonLoad,
  type RateSource,
  type StepFigures,
} from './types';
export { visitsById } from './visitsById';
export { type WhatIf, type WhatIfTotals, whatIf } from './whatIf';
