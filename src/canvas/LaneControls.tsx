import { getViewportForBounds, Panel, useStoreApi } from '@xyflow/react';
import { laneBands, laneLayout, lanesInOrder } from '../layout/lanes';
import { useEditor, useEditorStoreApi } from '../store/EditorStoreContext';
import { useAnimateView } from './useAnimateView';

/**
 * Fits the lanes in view, their names at the left included (fit view alone fits the steps).
 * @example const fitLanes = useFitLanes(); fitLanes();
 */
export function useFitLanes(): () => void {
  const store = useEditorStoreApi();
  const flow = useStoreApi();
  const animateView = useAnimateView();
  return () => {
    const bands = laneBands(store.getState().map);
    const { width, height, minZoom, maxZoom } = flow.getState();
    if (!bands || bands.lanes.length === 0 || !width || !height) return;
    const top = bands.lanes[0]!.top;
    const bottom = bands.lanes[bands.lanes.length - 1]!.bottom;
    const lanes = { x: bands.left, y: top, width: bands.right - bands.left, height: bottom - top };
    animateView(getViewportForBounds(lanes, width, height, minZoom, maxZoom, 0.05), 300);
  };
}

/**
 * Lays the map out within lanes (one undo step) and fits the lanes in view.
 * @example const tidyInLanes = useTidyInLanes(); tidyInLanes();
 */
export function useTidyInLanes(): () => void {
  const store = useEditorStoreApi();
  const fitLanes = useFitLanes();
  return () => {
    store.getState().setPositions(laneLayout(store.getState().map));
    requestAnimationFrame(fitLanes);
  };
}

/**
 * "Show lanes" (one band per person) and "View as" (dim every step not theirs), at the
 * bottom of the canvas (clear of the corners, where the zoom controls and overview sit).
 */
export function LaneControls() {
  const store = useEditorStoreApi();
  const lanes = useEditor((s) => s.lanes);
  const viewAs = useEditor((s) => s.viewAs);
  const people = useEditor((s) => s.map.people);
  const tidyInLanes = useTidyInLanes();
  const fitLanes = useFitLanes();
  return (
    <Panel position="bottom-center" className="lf-lane-controls nodrag nopan">
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
          } else if (on) requestAnimationFrame(fitLanes);
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
    </Panel>
  );
}
