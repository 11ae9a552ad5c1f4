import { useReactFlow } from '@xyflow/react';
import { laneLayout, lanesInOrder } from '../layout/lanes';
import { useEditor, useEditorStoreApi } from '../store/EditorStoreContext';

/**
 * Lays the map out within lanes (one undo step) and fits it in view.
 * @example const tidyInLanes = useTidyInLanes(); tidyInLanes();
 */
export function useTidyInLanes(): () => void {
  const store = useEditorStoreApi();
  const { fitView } = useReactFlow();
  return () => {
    store.getState().setPositions(laneLayout(store.getState().map));
    requestAnimationFrame(() => void fitView({ padding: 0.15, duration: 300 }));
  };
}

/** "Show lanes" (one band per person) and "View as" (dim every step not theirs). */
export function LaneControls() {
  const store = useEditorStoreApi();
  const lanes = useEditor((s) => s.lanes);
  const viewAs = useEditor((s) => s.viewAs);
  const people = useEditor((s) => s.map.people);
  const tidyInLanes = useTidyInLanes();
  return (
    <>
      <button
        type="button"
        aria-pressed={lanes}
        title="One horizontal band per person; drag a step into a band to give it to them"
        onClick={() => {
          const on = !lanes;
          store.getState().setLanes(on);
          // Each step in its doer's band: lay out within lanes if they are not yet.
          if (on && !lanesInOrder(store.getState().map)) {
            tidyInLanes();
            store.getState().setNotice('Laid the steps out in lanes. Undo with Ctrl/⌘+Z.');
          }
        }}
      >
        Show lanes
      </button>
      {people.length > 0 && (
        <label className="lf-viewas" title="Dim every step that is not this person's">
          <span>View as</span>
          <select
            value={viewAs ?? ''}
            onChange={(e) =>
              store.getState().setViewAs(e.target.value === '' ? null : e.target.value)
            }
          >
            <option value="">Everyone</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      )}
    </>
  );
}
