import { useLayoutEffect, useRef } from 'react';
import { useEditor } from '../store/EditorStoreContext';
import { LogPanel } from './eventLog/LogPanel';
import { FindingsPanel } from './FindingsPanel';
import { Inspector } from './Inspector';
import { LeveragePanel } from './LeveragePanel';

const TABS = [
  { id: 'inspect', name: 'Inspector' },
  { id: 'findings', name: 'Findings' },
  { id: 'leverage', name: 'Leverage' },
  { id: 'log', name: 'Log' },
] as const;

/** The panel beside the canvas, with a tab per view. */
export function SidePanel() {
  const panel = useEditor((s) => s.panel);
  const setPanel = useEditor((s) => s.setPanel);
  const body = useRef<HTMLDivElement>(null);
  // Each tab opens at its top, not where the last one was scrolled to.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the tab changes
  useLayoutEffect(() => {
    if (body.current) body.current.scrollTop = 0;
  }, [panel]);
  return (
    <aside className="lf-side">
      <div role="tablist" aria-label="Side panel" className="lf-tabs">
        {TABS.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`lf-tab-${tab.id}`}
            aria-selected={panel === tab.id}
            aria-controls="lf-side-panel"
            onClick={() => setPanel(tab.id)}
          >
            {tab.name}
          </button>
        ))}
      </div>
      {panel !== 'inspect' && <SelectedStepBar onEdit={() => setPanel('inspect')} />}
      <div
        ref={body}
        id="lf-side-panel"
        role="tabpanel"
        aria-labelledby={`lf-tab-${panel}`}
        className="lf-side__body"
      >
        {panel === 'inspect' ? (
          <Inspector />
        ) : panel === 'findings' ? (
          <FindingsPanel />
        ) : panel === 'log' ? (
          <LogPanel />
        ) : (
          <LeveragePanel />
        )}
      </div>
    </aside>
  );
}

/**
 * On the Findings and Leverage tabs, the step just clicked on the canvas, with a way to
 * its fields in the Inspector.
 */
function SelectedStepBar({ onEdit }: { onEdit: () => void }) {
  const label = useEditor((s) => {
    if (s.selectedNodeIds.size !== 1 || s.selectedEdgeIds.size !== 0) return null;
    const id = [...s.selectedNodeIds][0];
    const node = s.map.nodes.find((n) => n.id === id);
    return node ? node.label.trim() || 'an unnamed step' : null;
  });
  if (label === null) return null;
  return (
    <div className="lf-side__selected" role="status">
      <span className="lf-side__selected-name">Selected: {label}</span>
      <button type="button" onClick={onEdit}>
        Edit step
      </button>
    </div>
  );
}
