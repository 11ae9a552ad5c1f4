import { useShallow } from 'zustand/react/shallow';
import { LIMITS, type NodeKind, swapBranchesTitle, swapBranchLabels } from '../model';
import { useEditor, useEditorStoreApi } from '../store/EditorStoreContext';
import { useStep } from '../store/useStep';
import { NumberField } from './NumberField';
import { StepLeverageFields } from './StepLeverageFields';

const KIND_OPTIONS: { value: NodeKind; label: string }[] = [
  { value: 'start', label: 'Start' },
  { value: 'action', label: 'Action' },
  { value: 'decision', label: 'Decision' },
  { value: 'parallel', label: 'Parallel' },
  { value: 'end', label: 'End' },
];

/** Edits the selected step or arrow; with nothing selected, the map itself. */
export function Inspector() {
  const { nodeId, edgeId, count } = useEditor(
    useShallow((s) => ({
      nodeId:
        s.selectedNodeIds.size === 1 && s.selectedEdgeIds.size === 0
          ? [...s.selectedNodeIds][0]
          : undefined,
      edgeId:
        s.selectedEdgeIds.size === 1 && s.selectedNodeIds.size === 0
          ? [...s.selectedEdgeIds][0]
          : undefined,
      count: s.selectedNodeIds.size + s.selectedEdgeIds.size,
    })),
  );
  return (
    <section className="lf-inspector" aria-label="Inspector">
      {nodeId ? (
        <StepInspector id={nodeId} />
      ) : edgeId ? (
        <ArrowInspector id={edgeId} />
      ) : count > 1 ? (
        <SelectionInspector count={count} />
      ) : (
        <MapInspector />
      )}
    </section>
  );
}

function SelectionInspector({ count }: { count: number }) {
  const setPack = useEditor((s) => s.setPack);
  const stepIds = useEditor(
    useShallow((s) =>
      s.map.nodes
        .filter(
          (n) => s.selectedNodeIds.has(n.id) && (n.kind === 'action' || n.kind === 'decision'),
        )
        .map((n) => n.id),
    ),
  );
  return (
    <>
      <p className="lf-muted">{count} items selected. Delete, copy or drag them together.</p>
      {stepIds.length > 0 && (
        <button type="button" onClick={() => setPack({ nodeIds: stepIds })}>
          Hand-off pack for the selected steps
        </button>
      )}
    </>
  );
}

function MapInspector() {
  const name = useEditor((s) => s.map.name);
  const counts = useEditor(useShallow((s) => [s.map.nodes.length, s.map.edges.length]));
  const renameMap = useEditor((s) => s.renameMap);
  return (
    <section>
      <h2>Map</h2>
      <label className="lf-field">
        <span>Name</span>
        <input
          key={name}
          defaultValue={name}
          maxLength={200}
          onBlur={(e) => renameMap(e.target.value)}
        />
      </label>
      <p className="lf-muted">
        {counts[0]} steps, {counts[1]} arrows. Select a step or an arrow to edit it.
      </p>
    </section>
  );
}

function StepInspector({ id }: { id: string }) {
  const store = useEditorStoreApi();
  const node = useStep(id);
  const setNodeLabel = useEditor((s) => s.setNodeLabel);
  const changeKind = useEditor((s) => s.changeKind);
  const setNodeDuration = useEditor((s) => s.setNodeDuration);
  if (!node) return null;
  return (
    <section>
      <h2>Step</h2>
      <label className="lf-field">
        <span>Label</span>
        <textarea
          key={`${id}:${node.label}`}
          defaultValue={node.label}
          maxLength={500}
          rows={2}
          onBlur={(e) => setNodeLabel(id, e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              e.currentTarget.blur();
            }
          }}
        />
      </label>
      <label className="lf-field">
        <span>Kind</span>
        <select
          value={node.kind}
          onChange={(e) =>
            changeKind(id, KIND_OPTIONS.find((o) => o.value === e.target.value)?.value ?? node.kind)
          }
        >
          {KIND_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      {(node.kind === 'action' || node.kind === 'decision') && (
        <NumberField
          label="Duration (minutes)"
          value={node.durationMinutes}
          min={0}
          max={1_000_000}
          onCommit={(v) => setNodeDuration(id, v)}
        />
      )}
      <label className="lf-field">
        <span>Instructions</span>
        <textarea
          key={`${id}:notes:${node.notes ?? ''}`}
          defaultValue={node.notes ?? ''}
          maxLength={LIMITS.maxNotesLength}
          rows={3}
          placeholder="How to do this step: what the person doing it reads."
          onBlur={(e) =>
            store
              .getState()
              .applyEdits([{ type: 'setNodeNotes', nodeId: id, notes: e.target.value }])
          }
        />
      </label>
      {node.kind === 'decision' && <SwapBranchesButton id={id} />}
      <StepLeverageFields id={id} />
    </section>
  );
}

/** "Swap Yes/No" on a decision whose first arrow got the wrong label. */
function SwapBranchesButton({ id }: { id: string }) {
  const store = useEditorStoreApi();
  const title = useEditor((s) => swapBranchesTitle(s.map, id));
  if (!title) return null;
  return (
    <button
      type="button"
      className="lf-field lf-swap"
      onClick={() => {
        const edits = swapBranchLabels(store.getState().map, id);
        if (edits) store.getState().applyEdits(edits);
      }}
    >
      {title}
    </button>
  );
}

function ArrowInspector({ id }: { id: string }) {
  const edge = useEditor((s) => s.map.edges.find((e) => e.id === id));
  const fromDecision = useEditor(
    (s) => s.map.nodes.find((n) => n.id === edge?.source)?.kind === 'decision',
  );
  const setEdgeLabel = useEditor((s) => s.setEdgeLabel);
  const setEdgeProbability = useEditor((s) => s.setEdgeProbability);
  if (!edge) return null;
  const shownChance =
    edge.probability === undefined ? undefined : Math.round(edge.probability * 1000) / 10;
  return (
    <section>
      <h2>Arrow</h2>
      <label className="lf-field">
        <span>Label</span>
        <input
          key={`${id}:${edge.label ?? ''}`}
          defaultValue={edge.label ?? ''}
          maxLength={500}
          onBlur={(e) => setEdgeLabel(id, e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
          }}
        />
      </label>
      {fromDecision && (
        <NumberField
          label="Chance (%)"
          value={shownChance}
          min={0}
          max={100}
          step={5}
          hint="The share of cases that take this arrow."
          onCommit={(v) => {
            // Leaving the field unchanged keeps the exact chance (1/3 is shown as 33.3).
            if (v !== shownChance) setEdgeProbability(id, v === undefined ? undefined : v / 100);
          }}
        />
      )}
    </section>
  );
}
