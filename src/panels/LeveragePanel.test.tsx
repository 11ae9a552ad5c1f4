// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { exampleMap } from '../model';
import { AnalysisProvider } from '../store/AnalysisProvider';
import { createEditorStore } from '../store/createEditorStore';
import { EditorStoreProvider } from '../store/EditorStoreContext';
import { LeveragePanel } from './LeveragePanel';
import { StepLeverageFields } from './StepLeverageFields';

afterEach(cleanup);

function mount(ui: React.ReactNode, store = createEditorStore(exampleMap())) {
  render(
    <EditorStoreProvider store={store}>
      <AnalysisProvider>{ui}</AnalysisProvider>
    </EditorStoreProvider>,
  );
  return store;
}

/** Lets the debounced analysis catch up with the map. */
const settle = () => act(() => new Promise((r) => setTimeout(r, 80)));

describe('LeveragePanel', () => {
  it('lists hand-offs, previews a what-if and applies it as one undo step', async () => {
    const store = mount(<LeveragePanel />);
    await settle();
    const list = screen.getByRole('region', { name: 'Hand-off list' });
    const boxes = within(list).getAllByRole('checkbox');
    expect(boxes).toHaveLength(3);
    expect(list.textContent).toContain('Pack order');
    expect(list.textContent).toContain('worth $2,375 a week');

    fireEvent.click(boxes[0]!);
    const table = screen.getByRole('table', { name: 'What if' });
    const row = (name: string) =>
      within(table).getByRole('rowheader', { name }).closest('tr')!.textContent!.replace(name, '');
    // Owner: 5 + 1.85 + 0.37 h -> 2.2 h after handing off Pack order (5 h).
    expect(row('Your hours a week')).toBe('7.2 h2.2 h');
    expect(row('Worth a week')).toBe('$0$2,375');
    expect(store.getState().map.nodes.find((n) => n.id === 'p')).not.toHaveProperty(
      'ownerId',
      'va',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Apply hand-offs' }));
    expect(store.getState().map.nodes.find((n) => n.id === 'p')).toHaveProperty('ownerId', 'va');
    await settle();
    expect(
      within(screen.getByRole('region', { name: 'Hand-off list' })).getAllByRole('checkbox'),
    ).toHaveLength(2);

    act(() => store.getState().undo());
    expect(store.getState().map.nodes.find((n) => n.id === 'p')).toHaveProperty('ownerId', 'me');
  });

  it('works out the target rate and uses it', async () => {
    const store = createEditorStore(exampleMap());
    store.getState().updateSettings({ targetHourlyRate: 100 });
    mount(<LeveragePanel />, store);
    expect(screen.getByText('= $500 an hour')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Use this rate' }));
    expect(store.getState().map.settings.targetHourlyRate).toBe(500);
  });

  it('adds, edits and removes people', () => {
    const store = mount(<LeveragePanel />);
    fireEvent.click(screen.getByRole('button', { name: 'Add person' }));
    expect(store.getState().map.people).toHaveLength(3);
    const added = store.getState().map.people[2]!;
    expect(added.role).toBe('outsourcer');
    const row = screen.getByRole('group', { name: added.name });
    const hours = within(row).getByRole('spinbutton', { name: 'Hours a week' });
    fireEvent.change(hours, { target: { value: '15' } });
    fireEvent.blur(hours);
    expect(store.getState().map.people[2]!.hoursPerWeek).toBe(15);
    fireEvent.click(screen.getByRole('button', { name: `Remove ${added.name}` }));
    expect(store.getState().map.people).toHaveLength(2);
  });
});

describe('StepLeverageFields', () => {
  it("lists each person once, shows a helper's rate, and overrides their agreement per step", () => {
    const map = exampleMap();
    map.people[1] = { ...map.people[1]!, agreement: { turnaroundHours: 24, metric: 'typos' } };
    const store = mount(<StepLeverageFields id="p" />, createEditorStore(map));
    const doneBy = screen.getByRole('combobox', { name: 'Done by' });
    // The owner once: an unassigned step shows the owner, with no second "(the owner)" entry.
    expect(
      within(doneBy)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Me (owner)', 'Virtual assistant (outsourcer)']);
    expect(screen.getByRole('spinbutton', { name: 'Hand-off rate (USD/h)' })).toBeTruthy();
    fireEvent.change(doneBy, { target: { value: 'va' } });
    expect(store.getState().map.nodes.find((n) => n.id === 'p')).toHaveProperty('ownerId', 'va');
    // Done by someone else: their rate, not a hand-off rate.
    expect(screen.queryByRole('spinbutton', { name: 'Hand-off rate (USD/h)' })).toBeNull();
    expect(screen.getByText('Done by Virtual assistant at $25/h.')).toBeTruthy();
    // Empty fields show what the step inherits; filling one overrides only that field.
    const turnaround = screen.getByRole('spinbutton', { name: 'Turnaround (hours)' });
    expect(turnaround.getAttribute('placeholder')).toBe('24');
    expect(
      screen.getByRole('textbox', { name: 'Quality metric' }).getAttribute('placeholder'),
    ).toBe('typos');
    fireEvent.change(turnaround, { target: { value: '4' } });
    fireEvent.blur(turnaround);
    expect(store.getState().map.nodes.find((n) => n.id === 'p')).toHaveProperty('sla', {
      turnaroundHours: 4,
    });
  });

  it('renders nothing for a start or end', () => {
    mount(<StepLeverageFields id="s" />);
    expect(screen.queryByRole('combobox')).toBeNull();
  });
});
