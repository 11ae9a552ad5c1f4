import { useEffect, useRef } from 'react';
import { defaultAgreement, isOutside } from '../leverage';
import { createId, LIMITS, PERSON_ROLES, type Person, type PersonRole } from '../model';
import { useEditor } from '../store/EditorStoreContext';
import { AgreementFields } from './AgreementFields';
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
  const setPack = useEditor((s) => s.setPack);
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
            people={people}
            currency={currency}
            onChange={upsertPerson}
            onRemove={() => removePerson(person.id)}
          />
        ))}
      </ul>
      <div className="lf-lev-row">
        <button type="button" onClick={add}>
          Add person
        </button>
        {people.some((p) => !isOutside(p.role)) && (
          <button
            type="button"
            onClick={() =>
              setPack({ personIds: people.filter((p) => !isOutside(p.role)).map((p) => p.id) })
            }
          >
            Hand-off packs for everyone
          </button>
        )}
      </div>
    </section>
  );
}

function PersonRow({
  person,
  people,
  currency,
  onChange,
  onRemove,
}: {
  person: Person;
  people: readonly Person[];
  currency: string;
  onChange: (person: Person) => void;
  onRemove: () => void;
}) {
  const setPack = useEditor((s) => s.setPack);
  const outside = isOutside(person.role);
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
          ) : outside ? (
            <p className="lf-muted lf-lev-hint lf-lev-grow">
              Outside party: their steps cost you nothing and count in no one's hours, only in how
              long a case takes.
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
        {(person.role === 'outsourcer' || person.role === 'staff') && (
          <PersonAgreement person={person} people={people} onChange={onChange} />
        )}
        {!outside && (
          <button
            type="button"
            className="lf-lev-pack"
            onClick={() => setPack({ personIds: [person.id] })}
          >
            Hand-off pack for {person.name}
          </button>
        )}
      </fieldset>
    </li>
  );
}

/**
 * A person's service agreement, which their steps inherit. Opened (and its turnaround
 * focused) when a finding's fix fills it in.
 */
function PersonAgreement({
  person,
  people,
  onChange,
}: {
  person: Person;
  people: readonly Person[];
  onChange: (person: Person) => void;
}) {
  const agreementFor = useEditor((s) => s.agreementFor);
  const setAgreementFor = useEditor((s) => s.setAgreementFor);
  const box = useRef<HTMLFieldSetElement>(null);
  const wanted = agreementFor === person.id;
  useEffect(() => {
    if (!wanted || !box.current) return;
    box.current.scrollIntoView({ block: 'center' });
    box.current.querySelector('input')?.focus();
    setAgreementFor(null);
  }, [wanted, setAgreementFor]);
  const { agreement } = person;
  return (
    // Named "Service agreement" (inside the person's group): a name holding the person's
    // would make their own group's name ambiguous.
    <fieldset ref={box} className="lf-lev-sla" aria-label="Service agreement">
      <legend>Agreement with {person.name}</legend>
      {agreement ? (
        <>
          <p className="lf-muted lf-lev-hint">
            Every step {person.name} does follows it; a step may override any field.
          </p>
          <AgreementFields
            value={agreement}
            people={people}
            onChange={(next) => onChange({ ...person, agreement: next })}
          />
          <button
            type="button"
            onClick={() => {
              const { agreement: _gone, ...rest } = person;
              onChange(rest);
            }}
          >
            Remove agreement
          </button>
        </>
      ) : (
        <>
          <p className="lf-muted lf-lev-hint">
            No agreement yet: turnaround, quality bar, on-time bonus, escalation and reviews.
          </p>
          <button
            type="button"
            onClick={() =>
              onChange({
                ...person,
                agreement: defaultAgreement(people.find((p) => p.role === 'owner')?.name),
              })
            }
          >
            Add agreement
          </button>
        </>
      )}
    </fieldset>
  );
}
