import { useStoreApi } from '@xyflow/react';
import { type MouseEvent, useCallback, useEffect } from 'react';
import { useEditorStoreApi } from '../../store/EditorStoreContext';
import { viewRect } from '../overviewFrame';
import { arrowsTouching, type SimpleScene, stepAt, stepsInside } from './simpleScene';

/** How far from a step, in screen pixels, a click still picks it. */
export const HIT_TOLERANCE_PX = 4;

/**
 * Selection while the canvas draws the simple layer (React Flow has no steps drawn then):
 * a click on the pane picks the step under it through the scene's spatial index (with
 * Shift, Ctrl or ⌘ it adds or removes it), a click on nothing clears the selection, and
 * React Flow's selection box (Shift+drag) selects the steps inside it and their arrows.
 * Returns the pane-click handler; the box is followed while `scene` is set.
 */
export function useSimpleSelection(scene: SimpleScene | null) {
  const editor = useEditorStoreApi();
  const flow = useStoreApi();

  useEffect(() => {
    if (!scene) return;
    return flow.subscribe((state, previous) => {
      const box = state.userSelectionRect;
      if (!box || !state.userSelectionActive || box === previous.userSelectionRect) return;
      const area = viewRect(state.transform, box.width, box.height);
      area.x += box.x / state.transform[2];
      area.y += box.y / state.transform[2];
      const steps = stepsInside(scene, area);
      const arrows = arrowsTouching(scene, new Set(steps));
      editor.getState().select(
        steps.map((i) => scene.nodes[i]!.id),
        arrows.map((i) => scene.edges[i]!.id),
      );
    });
  }, [scene, flow, editor]);

  return useCallback(
    (event: MouseEvent) => {
      if (!scene) return;
      const { domNode, transform } = flow.getState();
      const bounds = domNode?.getBoundingClientRect();
      if (!bounds) return;
      const [tx, ty, zoom] = transform;
      const x = (event.clientX - bounds.left - tx) / zoom;
      const y = (event.clientY - bounds.top - ty) / zoom;
      const hit = stepAt(scene, x, y, HIT_TOLERANCE_PX / zoom);
      const id = hit >= 0 ? scene.nodes[hit]!.id : undefined;
      const adding = event.shiftKey || event.metaKey || event.ctrlKey;
      const before = editor.getState();
      const nodes = new Set(adding ? before.selectedNodeIds : []);
      const edges = adding ? before.selectedEdgeIds : [];
      if (id && nodes.has(id)) nodes.delete(id);
      else if (id) nodes.add(id);
      // After React Flow's own pane-click handling, which clears what it knows is selected.
      queueMicrotask(() => editor.getState().select(nodes, edges));
    },
    [scene, flow, editor],
  );
}
