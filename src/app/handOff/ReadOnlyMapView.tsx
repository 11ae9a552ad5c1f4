import { useMemo } from 'react';
import { mapToSvg } from '../../io/exportSvg';
import { flowPlaces, type StepNode } from '../../model';
import { useEditor, useEditorStoreApi } from '../../store/EditorStoreContext';
import { MapPicture } from './PackDocument';
import './handOff.css';

/**
 * A hand-off map (the part of a map given to one person) opened read-only: the picture of
 * their part with their steps' instructions beside it. "Edit a copy" makes it an ordinary
 * map (one undo step).
 */
export function ReadOnlyMapView() {
  const store = useEditorStoreApi();
  const map = useEditor((s) => s.map);
  const info = map.handOff;
  const picture = useMemo(() => mapToSvg(map), [map]);
  const steps = useMemo(() => {
    const order = flowPlaces(map.nodes, map.edges);
    const mine = new Set(map.people.map((p) => p.id));
    return map.nodes
      .filter((n): n is StepNode => n.kind === 'action' || n.kind === 'decision')
      .filter((n) => mine.size === 0 || (n.ownerId !== undefined && mine.has(n.ownerId)))
      .sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  }, [map]);
  if (!info) return null;
  return (
    <main className="lf-readonly" aria-label="Read-only hand-off map">
      <div className="lf-readonly__banner" role="status">
        Read-only: {info.personName}'s part of “{info.mapName}”, from {info.ownerName}, {info.date}.
        <button
          type="button"
          onClick={() => {
            const { handOff: _gone, ...rest } = map;
            store.getState().applyEdits([{ type: 'replaceMap', map: rest }]);
          }}
        >
          Edit a copy
        </button>
      </div>
      <div className="lf-readonly__body">
        <div className="lf-readonly__picture">
          <MapPicture svg={picture} alt={`${info.personName}'s part of the map`} />
        </div>
        <section className="lf-readonly__steps" aria-label="Instructions">
          <h2>Instructions</h2>
          <ol>
            {steps.map((s) => (
              <li key={s.id}>
                <h3>{s.label.trim() || 'Unnamed step'}</h3>
                {s.durationMinutes !== undefined && (
                  <p className="lf-muted">About {s.durationMinutes} min</p>
                )}
                <p>{s.notes?.trim() || <em>No instructions written yet.</em>}</p>
              </li>
            ))}
          </ol>
        </section>
      </div>
    </main>
  );
}
