import type { NodeProps } from '@xyflow/react';
import { type CSSProperties, memo } from 'react';
import { useAnalysis } from '../store/AnalysisProvider';
import { useEditor } from '../store/EditorStoreContext';
import { FindingMarker } from './FindingMarker';
import type { FlowNode } from './flowTypes';
import { LabelEditor } from './LabelEditor';
import { NodeHandles } from './NodeHandles';
import { OwnerBadge } from './OwnerBadge';
import { worstSeverity } from './worstSeverity';

/**
 * One step on the canvas: start and end as rounded terminals, an action as a rectangle,
 * a decision as a diamond. Double-click (or Enter/F2 when selected) edits the label.
 */
function StepNodeView({ id, data, selected }: NodeProps<FlowNode>) {
  const { step } = data;
  const editing = useEditor((s) => s.editing?.type === 'node' && s.editing.id === id);
  const setNodeLabel = useEditor((s) => s.setNodeLabel);
  const stopEditing = useEditor((s) => s.stopEditing);
  const label = step.label.trim();
  const findings = useAnalysis((s) => s.byNode.get(id));
  const heat = useAnalysis((s) => s.heat[id] ?? 0);
  const heatOn = useEditor((s) => s.heat);
  const worst = findings ? worstSeverity(findings) : undefined;
  // View as: every step that is not this person's is dimmed (an unassigned step is the owner's).
  const dimmed = useEditor((s) => {
    if (s.viewAs === null) return false;
    const ownerId = 'ownerId' in step ? step.ownerId : undefined;
    const known = ownerId !== undefined && s.map.people.some((p) => p.id === ownerId);
    const doer = known ? ownerId : s.map.people.find((p) => p.role === 'owner')?.id;
    return step.kind === 'start' || step.kind === 'end' || doer !== s.viewAs;
  });

  return (
    <div
      className={`lf-node lf-node--${step.kind}${selected ? ' is-selected' : ''}${worst ? ` has-${worst}` : ''}${dimmed ? ' is-dimmed' : ''}`}
      data-kind={step.kind}
      data-severity={worst}
      style={heatOn && heat > 0 ? ({ '--lf-heat': heat.toFixed(2) } as CSSProperties) : undefined}
    >
      {heatOn && heat > 0 && <div className="lf-heat" aria-hidden="true" />}
      {step.kind === 'decision' && (
        <svg
          className="lf-diamond"
          viewBox="0 0 100 100"
          preserveAspectRatio="none"
          aria-hidden="true"
        >
          <polygon points="50,1 99,50 50,99 1,50" />
        </svg>
      )}
      <NodeHandles />
      {editing ? (
        <LabelEditor
          value={step.label}
          ariaLabel="Step label"
          onCommit={(text) => {
            setNodeLabel(id, text);
            stopEditing();
          }}
          onCancel={stopEditing}
        />
      ) : (
        <div className={`lf-node__label${label ? '' : ' is-empty'}`}>{label || 'No label'}</div>
      )}
      {findings && worst && <FindingMarker findings={findings} severity={worst} />}
      {(step.kind === 'action' || step.kind === 'decision') && (
        <OwnerBadge ownerId={step.ownerId} />
      )}
    </div>
  );
}

export const StepNode = memo(StepNodeView);
