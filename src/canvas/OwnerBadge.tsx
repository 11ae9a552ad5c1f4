import { findOwner } from '../leverage/computeLeverage';
import { ownerColor } from '../leverage/ownerColor';
import { useEditor } from '../store/EditorStoreContext';
import { personInitials } from './personInitials';

/**
 * Who does a step, as a coloured badge: one colour per person of the map. A step with no
 * owner counts as the business owner's (as the leverage figures count it), shown hollow.
 */
export function OwnerBadge({ ownerId }: { ownerId: string | undefined }) {
  const people = useEditor((s) => s.map.people);
  const explicit = ownerId === undefined ? -1 : people.findIndex((p) => p.id === ownerId);
  const owner = explicit >= 0 ? undefined : findOwner({ people });
  const index = explicit >= 0 ? explicit : owner ? people.indexOf(owner) : -1;
  const person = people[index];
  if (!person) return null;
  const color = ownerColor(index);
  return (
    <span
      className={`lf-owner${explicit >= 0 ? '' : ' is-implicit'}`}
      style={
        explicit >= 0 ? { background: color, borderColor: color } : { borderColor: color, color }
      }
      title={
        explicit >= 0 ? `Done by ${person.name}` : `No one assigned: counted as ${person.name}'s`
      }
    >
      {personInitials(person.name)}
    </span>
  );
}
