import {
  type KeyboardEvent,
  type MouseEvent,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';
import { swapBranchesTitle, swapBranchLabels } from '../model';
import { useEditor, useEditorStoreApi } from '../store/EditorStoreContext';
import type { FlowNode } from './flowTypes';

interface MenuAt {
  nodeId: string;
  x: number;
  y: number;
}

/**
 * The right-click menu of a step: rename, swap a decision's Yes/No, duplicate, delete.
 * Returns the handler for React Flow's onNodeContextMenu and the menu to render.
 */
export function useStepContextMenu() {
  const store = useEditorStoreApi();
  const [at, setAt] = useState<MenuAt | null>(null);
  const onNodeContextMenu = useCallback(
    (event: MouseEvent, node: FlowNode) => {
      event.preventDefault();
      store.getState().select([node.id], []);
      setAt({ nodeId: node.id, x: event.clientX, y: event.clientY });
    },
    [store],
  );
  const close = useCallback(() => setAt(null), []);
  const menu = at ? <StepContextMenu at={at} onClose={close} /> : null;
  return { onNodeContextMenu, closeMenu: close, menu };
}

function StepContextMenu({ at, onClose }: { at: MenuAt; onClose: () => void }) {
  const store = useEditorStoreApi();
  const ref = useRef<HTMLDivElement>(null);
  // "Swap Yes/No", worded with the decision's own labels; null when there is no such pair.
  const swapTitle = useEditor((s) => swapBranchesTitle(s.map, at.nodeId));
  // A step a person resized can go back to the size that fits its label.
  const resized = useEditor((s) => s.map.nodes.some((n) => n.id === at.nodeId && n.size));

  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('[role=menuitem]')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [onClose]);

  const run = (action: () => void) => () => {
    onClose();
    action();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    // The menu owns the keyboard while open: Enter activates an item, not the canvas's
    // rename, and Delete does not delete the step.
    event.stopPropagation();
    const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>('[role=menuitem]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape' || event.key === 'Tab') onClose();
    else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(index + step + items.length) % items.length]?.focus();
    } else return;
    event.preventDefault();
  };

  const state = () => store.getState();
  return (
    <div
      ref={ref}
      role="menu"
      aria-label="Step"
      className="lf-menu__items lf-context-menu"
      style={{ left: at.x, top: at.y }}
      onKeyDown={onKeyDown}
    >
      <button
        type="button"
        role="menuitem"
        onClick={run(() => state().startEditing({ type: 'node', id: at.nodeId }))}
      >
        Rename
      </button>
      {swapTitle && (
        <button
          type="button"
          role="menuitem"
          onClick={run(() => {
            const edits = swapBranchLabels(state().map, at.nodeId);
            if (edits) state().applyEdits(edits);
          })}
        >
          {swapTitle}
        </button>
      )}
      {resized && (
        <button
          type="button"
          role="menuitem"
          onClick={run(() => state().resizeStep(at.nodeId, null))}
        >
          Fit size to label
        </button>
      )}
      <button type="button" role="menuitem" onClick={run(() => state().duplicateSelection())}>
        Duplicate
      </button>
      <button type="button" role="menuitem" onClick={run(() => state().deleteSelection())}>
        Delete
      </button>
    </div>
  );
}
