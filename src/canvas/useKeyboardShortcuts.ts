import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { NODE_SIZE } from '../layout/nodeSize';
import type { EditorStore } from '../store/createEditorStore';
import { isEditableTarget } from './isEditableTarget';
import { SHORTCUTS, type ShortcutContext } from './shortcuts';
import { useFitView } from './useFitView';

/**
 * The editor's keyboard shortcuts (the table in ./shortcuts, which the `?` dialog lists too)
 * and the clipboard events:
 * copy, cut and paste carry the selection as map JSON through the system clipboard.
 */
export function useKeyboardShortcuts(store: EditorStore) {
  const { getViewport, setCenter } = useReactFlow();
  const fitView = useFitView();

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isEditableTarget(event.target) || event.defaultPrevented) return;
      // An open menu (a step's right-click menu) owns the keyboard.
      if (event.target instanceof Element && event.target.closest('[role=menu]')) return;
      const s = store.getState();
      const mod = event.ctrlKey || event.metaKey;
      // A focused step (Tab) counts as the one selected, even before React Flow selects it.
      const focused =
        event.target instanceof HTMLElement && event.target.classList.contains('react-flow__node')
          ? event.target.dataset.id
          : undefined;
      const only =
        focused ?? (s.selectedNodeIds.size === 1 ? [...s.selectedNodeIds][0] : undefined);
      const onlyEdge =
        s.selectedNodeIds.size === 0 && s.selectedEdgeIds.size === 1
          ? [...s.selectedEdgeIds][0]
          : undefined;

      const ctx: ShortcutContext = {
        event,
        mod,
        s,
        only,
        onlyEdge,
        focused,
        addNext: (fromId, direction) => {
          const id = s.addNextStep(fromId, direction);
          const node = id ? store.getState().map.nodes.find((n) => n.id === id) : undefined;
          if (node) keepInView(node.position);
        },
        fitView,
      };
      for (const shortcut of SHORTCUTS) if (shortcut.handle?.(ctx)) break;
    };

    /** Pans (without zooming) so a new step is on screen, as draw.io does. */
    const keepInView = (position: { x: number; y: number }) => {
      const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
      if (!pane) return;
      const { x, y, zoom } = getViewport();
      const size = NODE_SIZE.action;
      const left = position.x * zoom + x;
      const top = position.y * zoom + y;
      const margin = 40;
      const right = left + size.width * zoom;
      const bottom = top + size.height * zoom;
      // The overview map sits over the canvas's corner: a step under it is not in view.
      const overview = document.querySelector('.lf-overview')?.getBoundingClientRect();
      const underOverview =
        overview !== undefined &&
        right > overview.left - pane.left &&
        bottom > overview.top - pane.top &&
        left < overview.right - pane.left &&
        top < overview.bottom - pane.top;
      if (
        left >= margin &&
        top >= margin &&
        right <= pane.width - margin &&
        bottom <= pane.height - margin &&
        !underOverview
      ) {
        return;
      }
      void setCenter(position.x + size.width / 2, position.y + size.height / 2, {
        zoom,
        duration: 150,
      });
    };

    const onCopy = (event: ClipboardEvent) => {
      if (isEditableTarget(event.target) || window.getSelection()?.toString()) return;
      const text = store.getState().copySelection();
      if (text === null || !event.clipboardData) return;
      event.clipboardData.setData('text/plain', text);
      event.preventDefault();
    };
    const onCut = (event: ClipboardEvent) => {
      if (isEditableTarget(event.target) || window.getSelection()?.toString()) return;
      const text = store.getState().copySelection();
      if (text === null || !event.clipboardData) return;
      event.clipboardData.setData('text/plain', text);
      event.preventDefault();
      store.getState().deleteSelection();
    };
    const onPaste = (event: ClipboardEvent) => {
      if (isEditableTarget(event.target)) return;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (!text.trim()) return;
      event.preventDefault();
      store.getState().paste(text);
    };

    // Capture phase: the shortcuts see keys before a focused step handles them.
    window.addEventListener('keydown', onKeyDown, true);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCut);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCut);
      document.removeEventListener('paste', onPaste);
    };
  }, [store, fitView, getViewport, setCenter]);
}
