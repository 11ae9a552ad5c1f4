import {
  BaseEdge,
  type EdgeProps,
  getBezierPath,
  type InternalNode,
  Position,
  useStore,
} from '@xyflow/react';
import { memo } from 'react';
import { arrowsWithReverse } from '../layout/arrowsWithReverse';
import { bentArrow, PAIRED_BEND } from '../layout/bentArrow';
import { type Box, borderPoint, type Side } from '../layout/borderPoint';
import { NODE_SIZE } from '../layout/nodeSize';
import { useEditor, useEditorStoreApi } from '../store/EditorStoreContext';
import { EdgeLabelPortal } from './EdgeLabelPortal';
import type { FlowEdge } from './flowTypes';
import { LabelEditor } from './LabelEditor';
import { useArrowLog } from './LogBadge';
import { isNodeKind } from './paletteDrag';
import { useMarkerFindings } from './useMarkerFindings';
import { worstSeverity } from './worstSeverity';

const POSITION: Record<Side, Position> = {
  top: Position.Top,
  right: Position.Right,
  bottom: Position.Bottom,
  left: Position.Left,
};

function boxOf(node: InternalNode): Box {
  const kind = node.type !== undefined && isNodeKind(node.type) ? node.type : 'action';
  return {
    x: node.internals.positionAbsolute.x,
    y: node.internals.positionAbsolute.y,
    width: node.measured.width ?? NODE_SIZE[kind].width,
    height: node.measured.height ?? NODE_SIZE[kind].height,
    kind,
  };
}

function pathBetween(source: Box, target: Box, paired: boolean): [string, number, number] {
  if (paired && source !== target) {
    const bent = bentArrow(source, target, PAIRED_BEND);
    return [bent.d, bent.labelX, bent.labelY];
  }
  if (source === target) {
    // A step that loops to itself: an arc out of its right side and back in.
    const x = source.x + source.width;
    const y1 = source.y + source.height * 0.3;
    const y2 = source.y + source.height * 0.7;
    const path = `M ${x} ${y1} C ${x + 60} ${y1 - 30}, ${x + 60} ${y2 + 30}, ${x} ${y2}`;
    return [path, x + 46, (y1 + y2) / 2];
  }
  const sc = { x: source.x + source.width / 2, y: source.y + source.height / 2 };
  const tc = { x: target.x + target.width / 2, y: target.y + target.height / 2 };
  const s = borderPoint(source, tc);
  const t = borderPoint(target, sc);
  const [path, labelX, labelY] = getBezierPath({
    sourceX: s.x,
    sourceY: s.y,
    sourcePosition: POSITION[s.side],
    targetX: t.x,
    targetY: t.y,
    targetPosition: POSITION[t.side],
  });
  return [path, labelX, labelY];
}

/** Whether two pairs hold the same two things. */
function samePair<A, B>(a: readonly [A, B], b: readonly [A, B]): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** An arrow drawn between the borders of two steps, with its label editable in place. */
function ArrowEdgeView({
  id,
  source,
  target,
  data,
  markerEnd,
  selected,
  style,
}: EdgeProps<FlowEdge>) {
  // One subscription per arrow for both ends. Every mounted arrow runs it on each change of
  // React Flow's store (each pan frame): the pair is compared item by item, not with
  // zustand's shallow, which builds two Maps for each comparison of two arrays.
  const [sourceNode, targetNode] = useStore(
    (s) => [s.nodeLookup.get(source), s.nodeLookup.get(target)] as const,
    samePair,
  );
  const store = useEditorStoreApi();
  // What the arrow shows from the editor, as plain flags (an arrow with another running back
  // between the same steps is bowed apart from it); actions are read when used.
  const editing = useEditor((s) => s.editing?.type === 'edge' && s.editing.id === id);
  const paired = useEditor((s) => arrowsWithReverse(s.map.nodes, s.map.edges).has(id));
  const findings = useMarkerFindings((m) => m.byEdge.get(id));
  const worst = findings ? worstSeverity(findings) : undefined;
  const log = useArrowLog(id);
  if (!sourceNode || !targetNode) return null;

  const sourceBox = boxOf(sourceNode);
  const [path, labelX, labelY] = pathBetween(
    sourceBox,
    source === target ? sourceBox : boxOf(targetNode),
    paired,
  );
  const label = data?.arrow.label?.trim() ?? '';

  return (
    <>
      {log.width !== null && (
        // The flow under the arrow, as wide as its share of the busiest arrow's cases (the
        // arrow itself keeps its width: its head grows with the stroke).
        <path d={path} className="lf-edge-flow" style={{ strokeWidth: log.width }} />
      )}
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        style={style}
        interactionWidth={16}
        className={worst ? `lf-edge--${worst}` : undefined}
      />
      {log.text !== null && (
        <EdgeLabelPortal>
          <div
            className="lf-edge-log nodrag nopan"
            data-edge-id={id}
            style={{
              transform: `translate(0, -50%) translate(${labelX + (label || worst ? 8 + 4 * Math.min(label.length, 24) + 12 : 10)}px, ${labelY}px)`,
            }}
          >
            {log.text}
          </div>
        </EdgeLabelPortal>
      )}
      {(label || editing || worst) && (
        <EdgeLabelPortal>
          <div
            className={`lf-edge-label nodrag nopan${selected ? ' is-selected' : ''}${editing ? ' is-editing' : ''}${worst ? ` has-${worst}` : ''}${label || editing ? '' : ' is-marker-only'}`}
            title={findings?.map((f) => f.message).join('\n')}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-edge-id={id}
          >
            {editing ? (
              <LabelEditor
                value={data?.arrow.label ?? ''}
                ariaLabel="Arrow label"
                onCommit={(text) => {
                  store.getState().setEdgeLabel(id, text);
                  store.getState().stopEditing();
                }}
                onCancel={() => store.getState().stopEditing()}
              />
            ) : (
              <button
                type="button"
                tabIndex={-1}
                className="lf-edge-label__text"
                title="Double-click to edit"
                onClick={() => store.getState().select([], [id])}
                onDoubleClick={() => store.getState().startEditing({ type: 'edge', id })}
              >
                {label || (worst ? '!' : '')}
              </button>
            )}
          </div>
        </EdgeLabelPortal>
      )}
    </>
  );
}

export const ArrowEdge = memo(ArrowEdgeView);
