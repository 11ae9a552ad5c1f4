import { createId, LIMITS, PERSON_ROLES, type Person, type PersonRole } from '../model';
import { useEditor } from '../store/EditorStoreContext';
import { NumberField } from './NumberField';

const ROLE_NAMES: Record<PersonRole, string> = {
  owner: 'Owner',
  staff: 'Staff',
  outsourcer: 'Outsourcer',
  client: 'Client',
  supplier: 'Supplier',
};

function asRole(value: string): PersonRole | undefined {
  return PERSON_ROLES.find((r) => r === value);
}

/** The people of this map: name, role, hourly cost and the hours a week they have. */
export function PeopleEditor() {
  const people = useEditor((s) => s.map.people);
  const currency = useEditor((s) => s.map.settings.currency);
  const defaultRate = useEditor((s) => s.map.settings.defaultHandOffRate);
  const upsertPerson = useEditor((s) => s.upsertPerson);
  const removePerson = useEditor((s) => s.removePerson);
  const hasOwner = people.some((p) => p.role === 'owner');

  const add = () =>
    upsertPerson(
      hasOwner
        ? {
            id: createId('person'),
            name: `Helper ${people.length}`,
            role: 'outsourcer',
            hourlyCost: defaultRate,
            hoursPerWeek: 10,
          }
        : { id: createId('person'), name: 'Me', role: 'owner', hourlyCost: 0, hoursPerWeek: 10 },
    );

  return (
    <section aria-label="People" className="lf-lev-people">
      <h3>People</h3>
      {people.length === 0 && (
        <p className="lf-muted lf-lev-hint">
          No one yet. Add yourself as the owner, then the people you could hand work to.
        </p>
      )}
      <ul>
        {people.map((person) => (
          <PersonRow
            key={person.id}
            person={person}
            currency={currency}
            onChange={upsertPerson}
            onRemove={() => removePerson(person.id)}
          />
        ))}
      </ul>
      <button type="button" onClick={add}>
        Add person
      </button>
    </section>
  );
}

function PersonRow({
  person,
  currency,
  onChange,
  onRemove,
}: {
  person: Person;
  currency: string;
  onChange: (person: Person) => void;
  onRemove: () => void;
}) {
  return (
    <li className="lf-lev-person">
      <fieldset aria-label={person.name}>
        <div className="lf-lev-row">
          <label className="lf-field lf-lev-grow">
            <span>Name</span>
            <input
              key={person.name}
              defaultValue={person.name}
              maxLength={LIMITS.maxOwnerLength}
              onBlur={(e) => {
                const name = e.target.value.trim();
                if (name === '') e.target.value = person.name;
                else if (name !== person.name) onChange({ ...person, name });
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter') e.currentTarget.blur();
              }}
            />
          </label>
          <label className="lf-field">
            <span>Role</span>
            <select
              value={person.role}
              onChange={(e) => onChange({ ...person, role: asRole(e.target.value) ?? person.role })}
            >
              {PERSON_ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_NAMES[r]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="lf-lev-row">
          {person.role === 'owner' ? (
            <p className="lf-muted lf-lev-hint lf-lev-grow">
              Your hours are valued at the target rate.
            </p>
          ) : (
            <NumberField
              label={`Hourly cost (${currency})`}
              value={person.hourlyCost}
              min={0}
              max={100_000_000}
              step={0.01}
              onCommit={(v) => {
                if (v !== undefined) onChange({ ...person, hourlyCost: v });
              }}
            />
          )}
          <NumberField
            label="Hours a week"
            value={person.hoursPerWeek}
            min={0}
            max={168}
            step={0.5}
            onCommit={(v) => {
              if (v !== undefined) onChange({ ...person, hoursPerWeek: v });
            }}
          />
          <button
            type="button"
            className="lf-lev-remove"
            aria-label={`Remove ${person.name}`}
            title="Remove (their steps go back to the owner)"
            onClick={onRemove}
          >
            ×
          </button>
        </div>
      </fieldset>
    </li>
  );
}
