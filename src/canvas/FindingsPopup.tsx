import { useStore } from '@xyflow/react';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { NODE_SIZE, stepSize } from '../layout/nodeSize';
import { useAnalysis } from '../store/AnalysisProvider';
import { useEditorStoreApi } from '../store/EditorStoreContext';
import type { FlowNode } from './flowTypes';
import { placePopup, type Rect } from './placePopup';

/**
 * Which step's findings to show: the one under the pointer, or the one focused with the
 * keyboard. Returns React Flow's hover handlers and the pop-up to render in the canvas.
 */
export function useFindingsPopup() {
  const [hovered, setHovered] = useState<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const onNodeMouseEnter = useCallback((_: unknown, node: FlowNode) => setHovered(node.id), []);
  const onNodeMouseLeave = useCallback(() => setHovered(null), []);

  useEffect(() => {
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target;
      const id =
        target instanceof HTMLElement &&
        target.classList.contains('react-flow__node') &&
        target.matches(':focus-visible')
          ? target.dataset.id
          : undefined;
      setFocused(id ?? null);
    };
    const onFocusOut = () => setFocused(null);
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('focusout', onFocusOut);
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('focusout', onFocusOut);
    };
  }, []);

  const nodeId = hovered ?? focused;
  const popup = nodeId ? <FindingsPopup nodeId={nodeId} /> : null;
  return { onNodeMouseEnter, onNodeMouseLeave, popup };
}

/**
 * A step's findings beside it, at the same size on screen at any zoom, placed where it
 * covers no other step when there is such a place.
 */
function FindingsPopup({ nodeId }: { nodeId: string }) {
  const store = useEditorStoreApi();
  const findings = useAnalysis((s) => s.byNode.get(nodeId));
  const [tx, ty, zoom] = useStore((s) => s.transform);
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const internal = useStore((s) => s.nodeLookup.get(nodeId));
  const ref = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ x: number; y: number } | null>(null);

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || !internal) return;
    const toScreen = (x: number, y: number, w: number, h: number): Rect => ({
      x: x * zoom + tx,
      y: y * zoom + ty,
      width: w * zoom,
      height: h * zoom,
    });
    const { x, y } = internal.internals.positionAbsolute;
    const anchor = toScreen(
      x,
      y,
      internal.measured.width ?? NODE_SIZE.action.width,
      internal.measured.height ?? NODE_SIZE.action.height,
    );
    const bounds = { x: 0, y: 0, width, height };
    const size = { width: element.offsetWidth, height: element.offsetHeight };
    // Only the steps near the anchor can be covered: skip the rest cheaply.
    const reach = Math.max(size.width, size.height) + 40;
    const others: Rect[] = [];
    for (const node of store.getState().map.nodes) {
      if (node.id === nodeId) continue;
      const box = stepSize(node);
      const rect = toScreen(node.position.x, node.position.y, box.width, box.height);
      if (
        rect.x > anchor.x + anchor.width + reach ||
        rect.x + rect.width < anchor.x - reach ||
        rect.y > anchor.y + anchor.height + reach ||
        rect.y + rect.height < anchor.y - reach
      ) {
        continue;
      }
      others.push(rect);
    }
    setPlace(placePopup(anchor, size, others, bounds));
  }, [internal, tx, ty, zoom, width, height, nodeId, store]);

  if (!findings || findings.length === 0) return null;
  return (
    <div
      ref={ref}
      className="lf-findings-popup"
      aria-hidden="true"
      data-for={nodeId}
      style={
        place ? { transform: `translate(${place.x}px, ${place.y}px)` } : { visibility: 'hidden' }
      }
    >
      {findings.map((f) => (
        <p
          key={`${f.rule}:${f.nodeIds.join()}:${f.edgeIds.join()}`}
          className={`lf-sev-text-${f.severity}`}
        >
          {f.message}
        </p>
      ))}
    </div>
  );
}
