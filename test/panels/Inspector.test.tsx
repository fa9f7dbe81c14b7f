import { describe, expect, test } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Inspector } from '../../src/panels/Inspector.tsx';
import { EdgeInspector } from '../../src/panels/EdgeInspector.tsx';
import { renderWithStore, scenario } from '../app/render.tsx';

function setup(steps = [{ id: 'reserve-stock', label: 'Reserve stock' }, { id: 'ship', label: 'Ship' }], deps: [string, string][] = [['reserve-stock', 'ship']]) {
  const r = renderWithStore(<Inspector />, { scenario: scenario(steps, deps) });
  return r;
}

describe('Inspector', () => {
  test('without a selection it says what to do', () => {
    setup();
    expect(screen.getByText(/Select a step on the canvas/)).toBeInTheDocument();
  });

  test('"+ Add a step after this" adds a dependent step and starts naming it, as every other way to add a step does (tryout)', async () => {
    const { store } = setup();
    const user = userEvent.setup();
    act(() => store.getState().selectStep('ship'));
    await user.click(await screen.findByRole('button', { name: '+ Add a step after this' }));
    const added = store.getState().scenario.steps.at(-1)!;
    expect(store.getState().scenario.dependencies).toContainEqual({ from: 'ship', to: added.id });
    expect(store.getState().renamingStepId).toBe(added.id);
  });

  test('the status picker groups 4xx and 5xx, explains the code and whether retrying helps', async () => {
    const { store } = setup();
    const user = userEvent.setup();
    act(() => store.getState().selectStep('reserve-stock'));
    const picker = await screen.findByLabelText('Answers');
    expect(within(picker).getByRole('group', { name: /4xx/ })).toBeInTheDocument();
    expect(within(picker).getByRole('group', { name: /5xx/ })).toBeInTheDocument();
    expect(within(picker).queryByRole('option', { name: /424/ })).toBeNull();
    await user.selectOptions(picker, '409');
    expect(store.getState().scenario.steps[0].fail).toEqual({ status: 409 });
    const info = screen.getByTestId('status-info');
    expect(info).toHaveTextContent('409 Conflict');
    expect(info).toHaveTextContent('Retrying will not help');
    await user.selectOptions(picker, '503');
    expect(screen.getByTestId('status-info')).toHaveTextContent('Retrying can help');
  });

  test('an empty Request field shows an example that reads as one, not as a value the step has', async () => {
    const { store } = setup();
    act(() => store.getState().selectStep('reserve-stock'));
    const request = await screen.findByLabelText('Request');
    expect(request).toHaveValue('');
    // The tryout read a grey "POST /invoices" as the step's own request.
    expect(request).toHaveAttribute('placeholder', 'e.g. POST /invoices');
  });

  test('the other example placeholders read as examples too: Error message, Produces, Consumes', async () => {
    const { store } = setup([{ id: 'pay', label: 'Pay', fail: { status: 402 } } as never, { id: 'ship', label: 'Ship' }], [['pay', 'ship']]);
    act(() => store.getState().selectStep('pay'));
    for (const name of ['Error message', 'Produces', 'Consumes']) {
      expect((await screen.findByLabelText(name)).getAttribute('placeholder')).toMatch(/^e\.g\. /);
    }
  });

  test('"hangs until timeout" sets a timeout in the same edit', async () => {
    const { store } = setup();
    act(() => store.getState().selectStep('reserve-stock'));
    await userEvent.setup().selectOptions(await screen.findByLabelText('Answers'), 'timeout');
    expect(store.getState().scenario.steps[0]).toMatchObject({ fail: { timeout: true }, timeoutMs: 1000 });
    expect(store.getState().history.past).toHaveLength(1);
  });

  test('an invalid value shows the rule at the field and is not committed', async () => {
    const { store } = setup();
    const user = userEvent.setup();
    act(() => store.getState().selectStep('reserve-stock'));
    const duration = await screen.findByLabelText('Duration (ms)');
    await user.clear(duration);
    await user.type(duration, '-5{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent(/integer/);
    expect(duration).toHaveAttribute('aria-invalid', 'true');
    expect(store.getState().scenario.steps[0].durationMs).toBeUndefined();
    await user.clear(duration);
    await user.type(duration, '250{Enter}');
    expect(store.getState().scenario.steps[0].durationMs).toBe(250);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('flaky "times", retries, timeout and message are committed on blur', async () => {
    const { store } = setup();
    const user = userEvent.setup();
    act(() => store.getState().selectStep('reserve-stock'));
    await user.selectOptions(await screen.findByLabelText('Answers'), '409');
    await user.type(screen.getByLabelText('Fails on the first … attempts'), '2');
    await user.type(screen.getByLabelText('Error message'), 'no stock');
    await user.type(screen.getByLabelText('Max attempts'), '3');
    await user.type(screen.getByLabelText('Delay (ms)'), '50');
    await user.type(screen.getByLabelText('Timeout (ms)'), '900');
    await user.tab();
    expect(store.getState().scenario.steps[0]).toMatchObject({
      fail: { status: 409, times: 2, message: 'no stock' },
      retry: { maxAttempts: 3, delayMs: 50 },
      timeoutMs: 900,
    });
  });

  test('compensation handler, idempotent and join', async () => {
    const { store } = setup();
    const user = userEvent.setup();
    act(() => store.getState().selectStep('reserve-stock'));
    await user.click(await screen.findByLabelText(/Has an undo handler/));
    expect(store.getState().scenario.steps[0].compensation).toEqual({});
    await user.type(screen.getByLabelText('Handler'), 'Release stock{Enter}');
    await user.selectOptions(screen.getByLabelText('The handler'), '500');
    expect(store.getState().scenario.steps[0].compensation).toEqual({ label: 'Release stock', fail: { status: 500 } });
    await user.click(screen.getByLabelText(/Idempotent/));
    expect(store.getState().scenario.steps[0].idempotent).toBe(false);
    await user.click(screen.getByLabelText('any one is'));
    expect(store.getState().scenario.steps[0].join).toBe('any');
  });

  test('produces / consumes are comma-separated lists', async () => {
    const { store } = setup();
    const user = userEvent.setup();
    act(() => store.getState().selectStep('reserve-stock'));
    await user.type(await screen.findByLabelText('Produces'), 'a, b{Enter}');
    expect(store.getState().scenario.steps[0].produces).toEqual(['a', 'b']);
  });

  test('a step that depends on this one, directly or through others, is not offered as its prerequisite (it would close a cycle)', async () => {
    const { store } = setup(
      [
        { id: 'reserve-stock', label: 'Reserve stock' },
        { id: 'ship', label: 'Ship' },
        { id: 'notify', label: 'Notify' },
        { id: 'audit', label: 'Audit' },
      ],
      [
        ['reserve-stock', 'ship'],
        ['ship', 'notify'],
      ],
    );
    const user = userEvent.setup();
    act(() => store.getState().selectStep('reserve-stock'));
    const add = await screen.findByLabelText('Add a prerequisite');
    await waitFor(() => expect(within(add).getAllByRole('option').map((o) => o.textContent)).toEqual(['Choose a step…', 'Audit']));
    await user.selectOptions(add, 'audit');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(store.getState().scenario.dependencies).toContainEqual({ from: 'audit', to: 'reserve-stock' });
    // Notify's own prerequisites: Ship already is one; the others do not depend on Notify.
    act(() => store.getState().selectStep('notify'));
    await waitFor(() => expect(within(screen.getByLabelText('Add a prerequisite')).getAllByRole('option').map((o) => o.textContent)).toEqual(['Choose a step…', 'Reserve stock', 'Audit']));
  });

  test('renaming another step renames it in the prerequisite list and the dependents list, and only it (each option and row is kept while its step is unchanged: issue #15)', async () => {
    const { store } = setup(
      [
        { id: 'reserve-stock', label: 'Reserve stock' },
        { id: 'ship', label: 'Ship' },
        { id: 'notify', label: 'Notify' },
        { id: 'audit', label: 'Audit' },
      ],
      [
        ['reserve-stock', 'ship'],
        ['reserve-stock', 'notify'],
      ],
    );
    act(() => store.getState().selectStep('ship'));
    const options = () => within(screen.getByLabelText('Add a prerequisite')).getAllByRole('option').map((o) => o.textContent);
    await waitFor(() => expect(options()).toEqual(['Choose a step…', 'Notify', 'Audit']));
    act(() => void store.getState().renameStep('audit', 'Audit trail'));
    await waitFor(() => expect(options()).toEqual(['Choose a step…', 'Notify', 'Audit trail']));
    // Its prerequisite renamed: the row under "Depends on" reads the new name.
    act(() => void store.getState().renameStep('reserve-stock', 'Hold stock'));
    expect(await screen.findByLabelText('Condition on Hold stock')).toBeInTheDocument();
    // From the prerequisite's side: a renamed dependent reads its new name under "Needed by".
    act(() => store.getState().selectStep('reserve-stock'));
    await screen.findByRole('button', { name: 'Remove dependency of Notify' });
    act(() => void store.getState().renameStep('notify', 'Tell the customer'));
    expect(await screen.findByRole('button', { name: 'Remove dependency of Tell the customer' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove dependency of Ship' })).toBeInTheDocument();
  });

  test('a fan-out step lists its many dependents (after the panel), and each remove button removes its own', async () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ id: `shard-${i}`, label: `Shard ${i}` }));
    const { store } = setup([{ id: 'fan', label: 'Fan out' }, { id: 'other', label: 'Other' }, ...many], [...many.map((m) => ['fan', m.id] as [string, string]), ['other', 'shard-0']]);
    act(() => store.getState().selectStep('fan'));
    const remove = await screen.findByRole('button', { name: 'Remove dependency of Shard 59' });
    expect(screen.getAllByRole('button', { name: /^Remove dependency of / })).toHaveLength(60);
    await userEvent.setup().click(remove);
    expect(store.getState().scenario.dependencies).not.toContainEqual({ from: 'fan', to: 'shard-59' });
    await waitFor(() => expect(screen.getAllByRole('button', { name: /^Remove dependency of / })).toHaveLength(59));
    // Another step: its own list only, never the fan-out's.
    act(() => store.getState().selectStep('other'));
    await waitFor(() => expect(screen.getAllByRole('button', { name: /^Remove dependency of / }).map((b) => b.getAttribute('aria-label'))).toEqual(['Remove dependency of Shard 0']));
  });

  test('the dependency condition can be changed from the step', async () => {
    const { store } = setup();
    act(() => store.getState().selectStep('ship'));
    await userEvent.setup().selectOptions(await screen.findByLabelText('Condition on Reserve stock'), 'always');
    expect(store.getState().scenario.dependencies[0]).toEqual({ from: 'reserve-stock', to: 'ship', on: 'always' });
  });

  test('renaming and changing the id', async () => {
    const { store } = setup();
    const user = userEvent.setup();
    act(() => store.getState().selectStep('ship'));
    const name = await screen.findByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'Create label{Enter}');
    expect(store.getState().scenario.steps[1].label).toBe('Create label');
    const id = screen.getByLabelText('Id');
    await user.clear(id);
    await user.type(id, 'reserve-stock{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent(/already has the id/);
  });

  test('read-only stores show the fields disabled', async () => {
    const r = renderWithStore(<Inspector />, { scenario: scenario([{ id: 'a' }]), readOnly: true });
    act(() => r.store.getState().selectStep('a'));
    expect(await screen.findByLabelText('Answers')).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Delete step' })).toBeNull();
  });
});

describe('EdgeInspector', () => {
  test('changes the selected edge’s condition, explains each, and deletes it', async () => {
    const { store } = renderWithStore(<EdgeInspector />, { scenario: scenario([{ id: 'a' }, { id: 'b' }], [['a', 'b']]) });
    act(() => store.getState().selectEdge({ from: 'a', to: 'b' }));
    const user = userEvent.setup();
    expect(screen.getByText(/Runs only if the prerequisite failed/)).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: /on failure/ }));
    expect(store.getState().scenario.dependencies[0].on).toBe('failure');
    await user.click(screen.getByRole('button', { name: 'Delete dependency' }));
    expect(store.getState().scenario.dependencies).toEqual([]);
  });
});
