export { computeLeverage, findOwner, firstOutsourcer } from './computeLeverage';
export { formatHours, formatMoney, formatPercent } from './format';
export {
  DEFAULT_SLA_HOURS,
  handOffEdits,
  leverageFindings,
  OVERLOAD_WARNING_SHARE,
} from './leverageFindings';
export { type LeverageSummary, leverageSummary } from './leverageSummary';
export { ownerColor } from './ownerColor';
export { patchSla } from './patchSla';
export { LEVERAGE_RULES } from './rules';
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
  type StepFigures,
} from './types';
export { visitsById } from './visitsById';
export { type WhatIf, type WhatIfTotals, whatIf } from './whatIf';
