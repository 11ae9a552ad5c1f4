import { Panel, useReactFlow } from '@xyflow/react';
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { stepSize } from '../layout/nodeSize';
import { useEditor, useEditorStoreApi } from '../store/EditorStoreContext';
import { findSteps } from './findSteps';

/**
 * Find in the map (Ctrl/⌘+F): steps whose label or notes match, one at a time, each
 * selected and brought into view at a readable zoom. Enter goes to the next, Shift+Enter
 * to the previous, Escape closes.
 */
export function MapSearch() {
  const store = useEditorStoreApi();
  const nodes = useEditor((s) => s.map.nodes);
  const { setCenter, getZoom } = useReactFlow();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const hits = useMemo(() => (open ? findSteps(nodes, query) : []), [open, nodes, query]);

  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        setOpen(true);
        requestAnimationFrame(() => input.current?.select());
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);

  const show = (at: number, list: readonly string[]) => {
    if (list.length === 0) return;
    const i = ((at % list.length) + list.length) % list.length;
    setIndex(i);
    const id = list[i] as string;
    const node = store.getState().map.nodes.find((n) => n.id === id);
    if (!node) return;
    store.getState().select([id], []);
    const size = stepSize(node);
    void setCenter(node.position.x + size.width / 2, node.position.y + size.height / 2, {
      zoom: Math.max(getZoom(), 1),
      duration: 200,
    });
  };

  const close = () => {
    setOpen(false);
    const selected = [...store.getState().selectedNodeIds][0];
    const step = selected
      ? document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(selected)}"]`)
      : null;
    step?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      show(index + (event.shiftKey ? -1 : 1), hits);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };

  if (!open) return null;
  const status =
    query.trim() === ''
      ? 'Type to find steps by name or notes'
      : hits.length === 0
        ? 'No steps match'
        : `${index + 1} of ${hits.length}`;
  return (
    <Panel position="top-center" className="lf-search nodrag nopan nowheel">
      <search aria-label="Find in map" className="lf-search__box">
        <input
          ref={input}
          type="search"
          aria-label="Find steps"
          placeholder="Find steps…"
          value={query}
          maxLength={200}
          onChange={(e) => {
            const next = e.target.value;
            setQuery(next);
            const list = findSteps(store.getState().map.nodes, next);
            setIndex(0);
            show(0, list);
          }}
          onKeyDown={onKeyDown}
        />
        <output aria-live="polite" className="lf-search__status">
          {status}
        </output>
        <button
          type="button"
          aria-label="Previous match"
          disabled={hits.length === 0}
          onClick={() => show(index - 1, hits)}
        >
          ↑
        </button>
        <button
          type="button"
          aria-label="Next match"
          disabled={hits.length === 0}
          onClick={() => show(index + 1, hits)}
        >
          ↓
        </button>
        <button type="button" aria-label="Close find" onClick={close}>
          ×
        </button>
      </search>
    </Panel>
  );
}
