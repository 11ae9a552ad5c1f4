import { ViewportPortal } from '@xyflow/react';
import { useMemo } from 'react';
import { type LaneBands as Bands, laneBands } from '../layout/lanes';
import { ownerColor } from '../leverage/ownerColor';
import { useEditor } from '../store/EditorStoreContext';

const ROLE_NAMES: Record<string, string> = {
  owner: 'Owner',
  staff: 'Staff',
  outsourcer: 'Outsourcer',
  client: 'Client',
  supplier: 'Supplier',
};

/**
 * One horizontal band per person behind the steps, with their name and role at the left in
 * their colour. Drawn in flow coordinates; takes no pointer events (the pane under it pans).
 */
export function LaneBands({ frozen }: { frozen: Bands | null }) {
  const on = useEditor((s) => s.lanes);
  const nodes = useEditor((s) => s.map.nodes);
  const edges = useEditor((s) => s.map.edges);
  const people = useEditor((s) => s.map.people);
  const bands = useMemo(
    () => (on && !frozen ? laneBands({ nodes, edges, people }) : null),
    [on, frozen, nodes, edges, people],
  );
  const shown = frozen ?? bands;
  if (!on || !shown) return null;
  const width = shown.right - shown.left;
  return (
    <ViewportPortal>
      <ul className="lf-lanes" aria-label="Lanes">
        {shown.lanes.map((lane) => {
          const color = ownerColor(Math.max(0, lane.peopleIndex));
          return (
            <li
              key={lane.personId ?? '(owner)'}
              className="lf-lane"
              data-lane={lane.personId ?? ''}
              aria-label={`${lane.name} (${ROLE_NAMES[lane.role] ?? lane.role})`}
              style={{
                transform: `translate(${shown.left}px, ${lane.top}px)`,
                width,
                height: lane.bottom - lane.top,
                borderColor: color,
                background: `color-mix(in srgb, ${color} 7%, transparent)`,
              }}
            >
              <div className="lf-lane__head" style={{ borderColor: color }}>
                <strong style={{ color }}>{lane.name}</strong>
                <span>{ROLE_NAMES[lane.role] ?? lane.role}</span>
              </div>
            </li>
          );
        })}
      </ul>
    </ViewportPortal>
  );
}
