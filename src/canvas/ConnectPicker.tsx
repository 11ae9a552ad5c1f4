import { Panel } from '@xyflow/react';
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useEditor, useEditorStoreApi } from '../store/EditorStoreContext';
import { findSteps } from './findSteps';
import { isEditableTarget } from './isEditableTarget';

const MAX_OPTIONS = 8;

/**
 * Connect from the keyboard: with one step selected, C opens "Connect to…", typing part
 * of another step's name lists the matches, and Enter draws the arrow (one undo step).
 */
export function ConnectPicker() {
  const store = useEditorStoreApi();
  const [sourceId, setSourceId] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const nodes = useEditor((s) => s.map.nodes);
  const source = sourceId ? nodes.find((n) => n.id === sourceId) : undefined;
  const options = useMemo(() => {
    if (!sourceId) return [];
    const ids = query.trim() ? findSteps(nodes, query) : nodes.map((n) => n.id);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    return ids
      .filter((id) => id !== sourceId && byId.get(id)?.kind !== 'start')
      .slice(0, MAX_OPTIONS)
      .map((id) => byId.get(id))
      .filter((n) => n !== undefined);
  }, [nodes, query, sourceId]);

  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'c' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isEditableTarget(event.target) || event.defaultPrevented) return;
      if (event.target instanceof Element && event.target.closest('[role=menu],dialog')) return;
      const { selectedNodeIds, selectedEdgeIds, map } = store.getState();
      const focused =
        event.target instanceof HTMLElement && event.target.classList.contains('react-flow__node')
          ? event.target.dataset.id
          : undefined;
      const id =
        focused ??
        (selectedNodeIds.size === 1 && selectedEdgeIds.size === 0
          ? [...selectedNodeIds][0]
          : undefined);
      const from = map.nodes.find((n) => n.id === id);
      if (!from || from.kind === 'end') return;
      event.preventDefault();
      setSourceId(from.id);
      setQuery('');
      setActive(0);
      requestAnimationFrame(() => input.current?.focus());
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);

  const close = () => {
    const id = sourceId;
    setSourceId(null);
    if (id) {
      document
        .querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`)
        ?.focus();
    }
  };

  const connectTo = (targetId: string) => {
    if (!sourceId) return;
    const state = store.getState();
    const target = state.map.nodes.find((n) => n.id === targetId);
    const edgeId = state.connect(sourceId, targetId);
    if (edgeId) {
      state.setNotice(
        `Connected '${source?.label || 'an unnamed step'}' to '${target?.label || 'an unnamed step'}'. Undo with Ctrl/⌘+Z.`,
      );
    }
    close();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (options.length === 0 ? 0 : (i + step + options.length) % options.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const choice = options[active];
      if (choice) connectTo(choice.id);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };

  if (!sourceId || !source) return null;
  const activeId = options[active] ? `${listId}-${active}` : undefined;
  return (
    <Panel position="top-center" className="lf-connect nodrag nopan nowheel">
      <div className="lf-search__box lf-connect__box">
        <label className="lf-connect__label">
          Connect '{source.label || 'an unnamed step'}' to
          <input
            ref={input}
            role="combobox"
            aria-expanded={options.length > 0}
            aria-controls={listId}
            aria-activedescendant={activeId}
            aria-autocomplete="list"
            value={query}
            maxLength={200}
            placeholder="type a step's name…"
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
            onBlur={(e) => {
              if (!e.currentTarget.closest('.lf-connect')?.contains(e.relatedTarget)) close();
            }}
          />
        </label>
        <div
          id={listId}
          role="listbox"
          aria-label="Steps to connect to"
          className="lf-connect__list"
        >
          {options.map((node, i) => (
            <div
              key={node.id}
              id={`${listId}-${i}`}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              className={i === active ? 'is-active' : undefined}
              onPointerDown={(e) => {
                e.preventDefault();
                connectTo(node.id);
              }}
            >
              {node.label || 'an unnamed step'}
            </div>
          ))}
          {options.length === 0 && <p className="lf-muted">No step matches</p>}
        </div>
      </div>
    </Panel>
  );
}
