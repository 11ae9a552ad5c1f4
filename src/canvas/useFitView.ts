import { useEditorStoreApi } from '../store/EditorStoreContext';
import { useFitLanes } from './LaneControls';
import { useFitSteps } from './useFitSteps';

/**
 * Fit view, as the toolbar button, the zoom controls and Shift+1 do it: the lanes with their
 * names when lanes are shown, else every step (worked out from the map, see useFitSteps).
 * @example const fitView = useFitView(); fitView();
 */
export function useFitView(): () => void {
  const store = useEditorStoreApi();
  const fitSteps = useFitSteps();
  const fitLanes = useFitLanes();
  return () => (store.getState().lanes ? fitLanes() : fitSteps());
}
