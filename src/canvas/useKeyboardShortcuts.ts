import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { NODE_SIZE } from '../layout/nodeSize';
import type { EditorStore } from '../store/createEditorStore';
import { isEditableTarget } from './isEditableTarget';

const DIRECTIONS: Record<string, { x: number; y: number }> = {
  ArrowDown: { x: 0, y: 1 },
  ArrowUp: { x: 0, y: -1 },
  ArrowRight: { x: 1, y: 0 },
  ArrowLeft: { x: -1, y: 0 },
};

/**
 * The editor's keyboard shortcuts (listed in the `?` dialog) and the clipboard events:
 * copy, cut and paste carry the selection as map JSON through the system clipboard.
 */
export function useKeyboardShortcuts(store: EditorStore) {
  const { fitView, getViewport, setCenter } = useReactFlow();

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isEditableTarget(event.target) || event.defaultPrevented) return;
      const s = store.getState();
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key;
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

      if (mod && key.toLowerCase() === 'z') {
        event.preventDefault();
        if (event.shiftKey) s.redo();
        else s.undo();
      } else if (mod && key.toLowerCase() === 'y') {
        event.preventDefault();
        s.redo();
      } else if (mod && key.toLowerCase() === 'a') {
        event.preventDefault();
        s.selectAll();
      } else if (mod && key.toLowerCase() === 'd') {
        event.preventDefault();
        s.duplicateSelection();
      } else if (mod && DIRECTIONS[key] && only) {
        // Before React Flow, which would otherwise move the focused step.
        event.preventDefault();
        event.stopPropagation();
        const id = s.addNextStep(only, DIRECTIONS[key]);
        const node = id ? store.getState().map.nodes.find((n) => n.id === id) : undefined;
        if (node) keepInView(node.position);
      } else if (key === 'Delete' || key === 'Backspace') {
        event.preventDefault();
        s.deleteSelection();
      } else if ((key === 'Enter' || key === 'F2') && !mod) {
        if (only) {
          event.preventDefault();
          s.startEditing({ type: 'node', id: only });
        } else if (onlyEdge) {
          event.preventDefault();
          s.startEditing({ type: 'edge', id: onlyEdge });
        }
      } else if (key === 'Escape') {
        s.clearSelection();
        if (focused && event.target instanceof HTMLElement) {
          // React Flow would re-select the focused step on Escape; leave it unselected.
          event.stopPropagation();
          event.target.blur();
        }
        s.setHelpOpen(false);
      } else if (key === '?') {
        event.preventDefault();
        s.setHelpOpen(true);
      } else if (key === '!' && event.shiftKey) {
        event.preventDefault();
        void fitView({ padding: 0.2, duration: 200, includeHiddenNodes: true });
      }
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
      if (
        left >= margin &&
        top >= margin &&
        left + size.width * zoom <= pane.width - margin &&
        top + size.height * zoom <= pane.height - margin
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
