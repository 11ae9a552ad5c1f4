import { useReactFlow } from '@xyflow/react';
import { NODE_SIZE } from '../layout/nodeSize';
import type { NodeKind } from '../model';
import { useEditorStoreApi } from '../store/EditorStoreContext';
import { PALETTE_MIME } from './paletteDrag';

const ITEMS: { kind: NodeKind; name: string; hint: string }[] = [
  { kind: 'start', name: 'Start', hint: 'Where the process begins' },
  { kind: 'action', name: 'Action', hint: 'A step someone does' },
  { kind: 'decision', name: 'Decision', hint: 'A question with Yes / No branches' },
  { kind: 'parallel', name: 'Parallel', hint: 'Work that happens side by side: split or join' },
  { kind: 'end', name: 'End', hint: 'Where the process finishes' },
];

/**
 * Buttons to add steps: drag one onto the canvas, or click to add it at the centre of the
 * view; Enter on a button adds the step and opens its name for typing.
 */
export function Palette() {
  const store = useEditorStoreApi();
  const { screenToFlowPosition } = useReactFlow();

  const addAtCentre = (kind: NodeKind): string => {
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
    const centre = pane
      ? screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 })
      : { x: 0, y: 0 };
    const size = NODE_SIZE[kind];
    const jitter = (store.getState().map.nodes.length % 5) * 12;
    return store.getState().addNode(kind, {
      x: Math.round(centre.x - size.width / 2 + jitter),
      y: Math.round(centre.y - size.height / 2 + jitter),
    });
  };

  return (
    <nav className="lf-palette" aria-label="Add a step">
      {ITEMS.map(({ kind, name, hint }) => (
        <button
          key={kind}
          type="button"
          className={`lf-palette__item lf-palette__item--${kind}`}
          title={`${hint} — click to add, or drag onto the map`}
          draggable
          onDragStart={(e) => {
            e.dataTransfer.setData(PALETTE_MIME, kind);
            e.dataTransfer.effectAllowed = 'copy';
          }}
          onClick={(event) => {
            const id = addAtCentre(kind);
            // From the keyboard (Enter or Space: no pointer, detail 0), name it straight away;
            // after a click, keys go to the map again (Enter renames the new step).
            if (event.detail === 0) store.getState().startEditing({ type: 'node', id });
            else event.currentTarget.blur();
          }}
        >
          <span className={`lf-palette__icon lf-palette__icon--${kind}`} aria-hidden="true" />
          {name}
        </button>
      ))}
    </nav>
  );
}
