import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useEditor } from '../store/EditorStoreContext';
import type { FlowNode } from './flowTypes';
import { LabelEditor } from './LabelEditor';
import { NodeHandles } from './NodeHandles';

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

  return (
    <div
      className={`lf-node lf-node--${step.kind}${selected ? ' is-selected' : ''}`}
      data-kind={step.kind}
    >
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
    </div>
  );
}

export const StepNode = memo(StepNodeView);
