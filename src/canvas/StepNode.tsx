import { type NodeProps, NodeResizer } from '@xyflow/react';
import { type CSSProperties, memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { labelLines, MIN_STEP_SIZE, stepSize } from '../model';
import { useAnalysisMarkers } from '../store/AnalysisProvider';
import { useEditor, useEditorStoreApi } from '../store/EditorStoreContext';
import { FindingMarker } from './FindingMarker';
import type { FlowNode } from './flowTypes';
import { LabelEditor } from './LabelEditor';
import { LogBadge } from './LogBadge';
import { NodeHandles } from './NodeHandles';
import { OwnerBadge } from './OwnerBadge';
import { useMarkerFindings } from './useMarkerFindings';
import { worstSeverity } from './worstSeverity';

/**
 * One step on the canvas: start and end as rounded terminals, an action as a rectangle,
 * a decision as a diamond. Double-click (or Enter/F2 when selected) edits the label.
 */
function StepNodeView({ id, data, selected }: NodeProps<FlowNode>) {
  const { step } = data;
  const store = useEditorStoreApi();
  // One subscription for everything this step shows from the editor (a canvas of thousands
  // of steps runs every step's selectors on each change); actions are read when used.
  const [editing, heatOn, dimmed] = useEditor(
    useShallow((s) => {
      let dim = false;
      if (s.viewAs !== null) {
        // View as: every step that is not this person's is dimmed (an unassigned step is
        // the owner's).
        const ownerId = 'ownerId' in step ? step.ownerId : undefined;
        const known = ownerId !== undefined && s.map.people.some((p) => p.id === ownerId);
        const doer = known ? ownerId : s.map.people.find((p) => p.role === 'owner')?.id;
        dim = step.kind === 'start' || step.kind === 'end' || doer !== s.viewAs;
      }
      return [s.editing?.type === 'node' && s.editing.id === id, s.heat, dim] as const;
    }),
  );
  const label = step.label.trim();
  const findings = useMarkerFindings((m) => m.byNode.get(id));
  const heatOf = useAnalysisMarkers().heat;
  const heat = heatOn ? heatOf(id) : 0;
  const worst = findings ? worstSeverity(findings) : undefined;
  const size = stepSize(step);
  const style: CSSProperties & Record<string, string | number> = {
    width: size.width,
    height: size.height,
    '--lf-lines': labelLines(step.kind, size),
  };
  if (heatOn && heat > 0) style['--lf-heat'] = heat.toFixed(2);
  return (
    <div
      className={`lf-node lf-node--${step.kind}${selected ? ' is-selected' : ''}${worst ? ` has-${worst}` : ''}${dimmed ? ' is-dimmed' : ''}`}
      data-kind={step.kind}
      data-severity={worst}
      style={style}
    >
      <NodeResizer
        isVisible={selected && !editing}
        minWidth={MIN_STEP_SIZE.width}
        minHeight={MIN_STEP_SIZE.height}
        color="var(--lf-accent)"
        onResizeStart={() => store.getState().beginDrag()}
        onResize={(_event, box) =>
          store
            .getState()
            .resizeStep(id, { width: box.width, height: box.height }, { x: box.x, y: box.y })
        }
        onResizeEnd={() => store.getState().endDrag()}
      />
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
      {step.kind === 'parallel' && (
        <>
          <div className="lf-bar" aria-hidden="true" />
          <div className="lf-bar__plus" aria-hidden="true">
            +
          </div>
        </>
      )}
      <NodeHandles />
      {editing ? (
        <LabelEditor
          value={step.label}
          ariaLabel="Step label"
          onCommit={(text) => {
            store.getState().setNodeLabel(id, text);
            store.getState().stopEditing();
          }}
          onCancel={() => store.getState().stopEditing()}
        />
      ) : step.kind !== 'parallel' || label ? (
        <div className={`lf-node__label${label ? '' : ' is-empty'}`}>{label || 'No label'}</div>
      ) : null}
      {findings && worst && <FindingMarker findings={findings} severity={worst} />}
      {(step.kind === 'action' || step.kind === 'decision') && <LogBadge id={id} />}
      {(step.kind === 'action' || step.kind === 'decision') && (
        <OwnerBadge ownerId={step.ownerId} />
      )}
    </div>
  );
}

export const StepNode = memo(StepNodeView);
