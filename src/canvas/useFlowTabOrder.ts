import { useStore } from '@xyflow/react';
import { useEffect } from 'react';
import { type FlowOrder, flowOrder } from '../model';
import { useEditorStoreApi } from '../store/EditorStoreContext';

const ITEM = '.react-flow__node, .react-flow__edge';
const TABBABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Tab on the canvas reads the map as a person does: the steps in flow order (from the start
 * along the arrows), then the arrows, then on to the canvas's controls; Shift+Tab goes back.
 * Tabbing
 * into the canvas lands on the first step (or, backwards, the last arrow). React Flow's own
 * order (arrows first, then steps in file order) is the DOM's, so this steers the focus.
 */
export function useFlowTabOrder(): void {
  const domNode = useStore((s) => s.domNode);
  const store = useEditorStoreApi();
  useEffect(() => {
    if (!domNode) return;
    let cached: { nodes: unknown; edges: unknown; order: FlowOrder } | null = null;
    const order = (): FlowOrder => {
      const { nodes, edges } = store.getState().map;
      if (cached?.nodes !== nodes || cached.edges !== edges) {
        cached = { nodes, edges, order: flowOrder(nodes, edges) };
      }
      return cached.order;
    };
    const items = (): { kind: 'node' | 'edge'; id: string }[] => {
      const { nodeIds, edgeIds } = order();
      return [
        ...nodeIds.map((id) => ({ kind: 'node' as const, id })),
        ...edgeIds.map((id) => ({ kind: 'edge' as const, id })),
      ];
    };
    const elementOf = (item: { kind: 'node' | 'edge'; id: string }): HTMLElement | null =>
      domNode.querySelector<HTMLElement>(
        `.react-flow__${item.kind}[data-id="${CSS.escape(item.id)}"]`,
      );
    // The steps and arrows; the canvas's controls and the overview come after them.
    const viewport = () => domNode.querySelector('.react-flow__viewport') ?? domNode;
    /** The first focusable thing after (or before) the steps and arrows on the page. */
    const outside = (forward: boolean): HTMLElement | undefined => {
      const view = viewport();
      const all = [...document.querySelectorAll<HTMLElement>(TABBABLE)].filter(
        (el) => !view.contains(el) && el.getClientRects().length > 0,
      );
      const after = (el: HTMLElement) =>
        (view.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      return forward ? all.find(after) : all.filter((el) => !after(el)).pop();
    };

    let backwards = false;
    // Only focus that Tab moved is steered: a click on a step focuses that step.
    let tabbedAt = Number.NEGATIVE_INFINITY;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Tab') return;
      backwards = event.shiftKey;
      tabbedAt = performance.now();
      const active = document.activeElement;
      if (!(active instanceof HTMLElement) && !(active instanceof SVGElement)) return;
      if (!domNode.contains(active) || !active.matches(ITEM)) return;
      const list = items();
      const kind = active.classList.contains('react-flow__node') ? 'node' : 'edge';
      const id = active.getAttribute('data-id');
      const at = list.findIndex((item) => item.kind === kind && item.id === id);
      if (at === -1) return;
      const step = event.shiftKey ? -1 : 1;
      for (let i = at + step; i >= 0 && i < list.length; i += step) {
        const el = elementOf(list[i]!);
        if (el) {
          event.preventDefault();
          el.focus();
          return;
        }
      }
      const next = outside(!event.shiftKey);
      if (next) {
        event.preventDefault();
        next.focus();
      }
    };
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target;
      const from = event.relatedTarget;
      if (performance.now() - tabbedAt > 200) return;
      if (!(target instanceof Element) || !target.matches(ITEM)) return;
      if (from instanceof Node && viewport().contains(from)) return;
      const list = items();
      const ordered = backwards ? [...list].reverse() : list;
      for (const item of ordered) {
        const el = elementOf(item);
        if (el) {
          if (el !== target) el.focus();
          return;
        }
      }
    };
    document.addEventListener('keydown', onKeyDown, true);
    domNode.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('keydown', onKeyDown, true);
      domNode.removeEventListener('focusin', onFocusIn);
    };
  }, [domNode, store]);
}
