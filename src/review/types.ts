import type { AnalysisReport, Finding, RuleId } from '../analyzer';
import type { LeverageRuleId } from '../leverage';

/** Every rule a review finding can carry: the flow rules, then the leverage rules. */
export type ReviewRuleId = RuleId | LeverageRuleId;

/** A finding of the review: a flow finding or a leverage finding. */
export type ReviewFinding = Finding<ReviewRuleId>;

/** What {@link reviewMap} returns: the flow metrics and every finding, flow and leverage. */
export type Review = AnalysisReport<ReviewRuleId>;
