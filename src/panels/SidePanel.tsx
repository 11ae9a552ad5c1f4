import { useEditor } from '../store/EditorStoreContext';
import { FindingsPanel } from './FindingsPanel';
import { Inspector } from './Inspector';
import { LeveragePanel } from './LeveragePanel';

const TABS = [
  { id: 'inspect', name: 'Inspector' },
  { id: 'findings', name: 'Findings' },
  { id: 'leverage', name: 'Leverage' },
] as const;

/** The panel beside the canvas, with a tab per view. */
export function SidePanel() {
  const panel = useEditor((s) => s.panel);
  const setPanel = useEditor((s) => s.setPanel);
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
      <div
        id="lf-side-panel"
        role="tabpanel"
        aria-labelledby={`lf-tab-${panel}`}
        className="lf-side__body"
      >
        {panel === 'inspect' ? (
          <Inspector />
        ) : panel === 'findings' ? (
          <FindingsPanel />
        ) : (
          <LeveragePanel />
        )}
      </div>
    </aside>
  );
}
