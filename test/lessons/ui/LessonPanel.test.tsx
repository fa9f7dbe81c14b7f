import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import LessonPanel from '../../../src/lessons/ui/LessonPanel.tsx';
import { findLesson } from '../../../src/lessons/course/index.ts';
import { PROGRESS_KEY } from '../../../src/store/lesson-slice.ts';
import { renderWithStore } from '../../app/render.tsx';

describe('LessonPanel', () => {
  it('the index shows lessons finished from links under "From links", with title and score; none when there are none', () => {
    const empty = renderWithStore(<LessonPanel />);
    expect(screen.queryByRole('heading', { name: 'From links' })).toBeNull();
    empty.unmount();
    localStorage.setItem(PROGRESS_KEY, JSON.stringify({ 'first-424': { done: true, score: 4, total: 5 }, 'link-0a1b2c3d': { done: true, score: 3, total: 5, title: 'Payments, shared' } }));
    renderWithStore(<LessonPanel />);
    expect(screen.getByRole('heading', { name: 'From links' })).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'From links' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(list).toHaveTextContent('Payments, shareddone, 3 of 5 points');
    expect(screen.getByText(/1 of 14 done/)).toBeInTheDocument();
  });

  it('lists the course; a click opens the first lesson with its intro and the predict table', () => {
    const { store } = renderWithStore(<LessonPanel />);
    expect(screen.getByText(/0 of 14 done/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: /^Start: Your first 424/ }));
    expect(store.getState().lessonActive?.id).toBe('first-424');
    expect(screen.getByRole('heading', { name: 'Your first 424: the card is declined' })).toBeInTheDocument();
    expect(screen.getByText(/the bank declines the card/)).toBeInTheDocument();
    expect(screen.getAllByRole('combobox')).toHaveLength(5);
  });

  it('predict by keyboard: select a step, press b; then run → ✓/✗ with the why of each miss', () => {
    const { store } = renderWithStore(<LessonPanel />);
    const lesson = findLesson('first-424')!;
    act(() => store.getState().startLesson(lesson.id, lesson));
    act(() => store.getState().selectStep('create-invoice'));
    fireEvent.keyDown(document.body, { key: 'k' });
    expect(screen.getByLabelText('Your guess for Create invoice')).toHaveValue('skipped');
    fireEvent.keyDown(document.body, { key: 'b' });
    expect(screen.getByLabelText('Your guess for Create invoice')).toHaveValue('blocked');
    fireEvent.change(screen.getByLabelText('Your guess for Send receipt'), { target: { value: 'skipped' } });
    fireEvent.click(screen.getByRole('button', { name: /Run and check \(2 of 5 guessed\)/ }));
    // The score waits for the run to play out; "Skip to the end" gets there at once.
    expect(screen.queryByRole('heading', { name: /^Your prediction/ })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Watch the run' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Skip to the end' }));
    expect(screen.getByRole('heading', { name: 'Your prediction: 1 of 5 right' })).toBeInTheDocument();
    const list = screen.getByRole('list');
    // The rule, the one step it acted on, and the rule's number as text after them (a tooltip is out of reach by touch).
    expect(within(list).getByText(/you said skipped; it/).closest('li')!.textContent).toBe(
      '✗Send receipt: you said skipped; it ended blocked (424).With the fail-fast guard on, a step whose prerequisite failed or answered 424 is not run; it answers 424 Failed Dependency. Send receipt answered 424 Failed Dependency because Create invoice answered 424. (Ripple rule R5)',
    );
    expect(within(list).getByText(/^With the fail-fast guard on/)).not.toHaveAttribute('title');
    expect(list).toHaveTextContent('Create invoice: right, blocked (424)');
    // The caption shows the beat at the playhead once there is a run.
    act(() => store.getState().seekTime(200));
    expect(screen.getByText(/The receipt answers 424 too/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Finish the lesson' }));
    expect(screen.getByRole('status')).toHaveTextContent('Lesson done: 1 of 5 points.');
    fireEvent.click(screen.getByRole('button', { name: 'Next lesson: Direct prerequisite or root cause?' }));
    expect(store.getState().lessonActive?.id).toBe('root-cause');
  });

  it('a guess key acts on the focused step (a canvas node or a row reached by Tab), not the selected one', () => {
    const { store } = renderWithStore(<LessonPanel />);
    const lesson = findLesson('first-424')!;
    act(() => store.getState().startLesson(lesson.id, lesson));
    act(() => store.getState().selectStep('create-invoice'));
    // A React Flow node as the canvas renders it: focusable, its step id in data-id.
    const node = document.createElement('div');
    node.className = 'react-flow__node';
    node.dataset.id = 'send-receipt';
    node.tabIndex = 0;
    const inner = node.appendChild(document.createElement('span'));
    document.body.appendChild(node);
    node.focus();
    fireEvent.keyDown(inner, { key: 'k' });
    expect(screen.getByLabelText('Your guess for Send receipt')).toHaveValue('skipped');
    expect(screen.getByLabelText('Your guess for Create invoice')).toHaveValue('');
    // The row's step button, focused, takes the key too.
    const row = screen.getByRole('button', { name: 'Authorize payment' });
    row.focus();
    fireEvent.keyDown(row, { key: 'f' });
    expect(screen.getByLabelText('Your guess for Authorize payment')).toHaveValue('failed');
    // Focus on no step: the selected step is guessed.
    fireEvent.keyDown(document.body, { key: 'b' });
    expect(screen.getByLabelText('Your guess for Create invoice')).toHaveValue('blocked');
    expect(screen.getByText(/move to a step with Tab/)).toBeInTheDocument();
    node.remove();
  });

  it('focus follows the learner: the result heading after "Run and check", the verdict after the right cause, the new heading after "Next …"', () => {
    const { store } = renderWithStore(<LessonPanel />);
    const lesson = findLesson('first-424')!;
    act(() => store.getState().startLesson(lesson.id, lesson));
    const run = screen.getByRole('button', { name: /Run and check/ });
    run.focus();
    fireEvent.click(run);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Watch the run' }));
    const skip = screen.getByRole('button', { name: 'Skip to the end' });
    skip.focus();
    fireEvent.click(skip);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: /^Your prediction/ }));
    const finish = screen.getByRole('button', { name: 'Finish the lesson' });
    finish.focus();
    fireEvent.click(finish);
    const next = screen.getByRole('button', { name: /^Next lesson:/ });
    expect(document.activeElement).toBe(next);
    fireEvent.click(next);
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: 'Direct prerequisite or root cause?' }));
    // The verdict of a pick is a live region; the right pick disables the buttons, so it takes focus.
    const status = screen.getByRole('status');
    expect(status).toHaveAttribute('aria-live', 'polite');
    const right = screen.getByRole('button', { name: 'Scan for viruses' });
    right.focus();
    fireEvent.click(right);
    expect(status).toHaveTextContent('✓ Right.');
    expect(document.activeElement).toBe(status);
    const nextChallenge = screen.getByRole('button', { name: 'Next challenge' });
    nextChallenge.focus();
    fireEvent.click(nextChallenge);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Predict how each step ends' }));
  });

  it('find the cause: a miss explains itself; the root cause completes the challenge', () => {
    const { store } = renderWithStore(<LessonPanel />);
    const lesson = findLesson('root-cause')!;
    act(() => store.getState().startLesson(lesson.id, lesson));
    fireEvent.click(screen.getByRole('button', { name: 'Make thumbnail' }));
    expect(screen.getByRole('status')).toHaveTextContent('✗ Not this one. Make thumbnail is its direct prerequisite');
    expect(screen.queryByRole('button', { name: 'Next challenge' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Scan for viruses' }));
    expect(screen.getByRole('status')).toHaveTextContent('✓ Right.');
    expect(screen.getByRole('button', { name: 'Next challenge' })).toBeInTheDocument();
  });

  it('fix: goal lines stay unchecked until "Run and check the goal", and again after an edit; the caption leaves the edited run', () => {
    const { store } = renderWithStore(<LessonPanel />);
    const lesson = findLesson('naive-retry')!;
    act(() => store.getState().startLesson(lesson.id, lesson));
    const goal = screen.getByRole('list', { name: 'Goal' });
    // Nothing checked yet: no ✓ although the second line already holds.
    expect(goal).toHaveTextContent('The run ends succeeded: not checked yet.');
    expect(goal).not.toHaveTextContent('✓');
    expect(goal).not.toHaveTextContent(': holds.');
    fireEvent.click(screen.getByRole('button', { name: 'Run and check the goal' }));
    expect(goal).toHaveTextContent('The run ends succeeded: does not hold yet.');
    act(() => store.getState().seekTime(450));
    expect(screen.getByText(/The naive retry re-sends the label/)).toBeInTheDocument();
    expect(screen.getByText('Edits: 0 (par 1)')).toBeInTheDocument();
    act(() => void store.getState().setPolicy({ retryMode: 'graph-aware' }));
    // Edited: the old run's caption and verdicts no longer describe the scenario.
    expect(screen.queryByText(/The naive retry re-sends the label/)).toBeNull();
    expect(goal).toHaveTextContent('The run ends succeeded: not checked yet.');
    expect(screen.getByText('Edits: 1 (par 1)')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Run and check the goal' }));
    expect(screen.getByRole('status')).toHaveTextContent('Solved in 1 edit, within par.');
    expect(goal).toHaveTextContent('The run ends succeeded: holds.');
    // The fixed run is not the one the beats were written for: still no caption.
    act(() => store.getState().seekTime(450));
    expect(screen.queryByText(/The naive retry re-sends the label/)).toBeNull();
  });
});

describe('LessonMark on the table view', () => {
  it('shows the guess on the row, then ✓ or ✗ after the run', async () => {
    const { StepTable } = await import('../../../src/panels/StepTable.tsx');
    const { store } = renderWithStore(
      <>
        <LessonPanel />
        <StepTable />
      </>,
    );
    const lesson = findLesson('first-424')!;
    act(() => store.getState().startLesson(lesson.id, lesson));
    act(() => store.getState().setGuess('create-invoice', 'skipped'));
    act(() => store.getState().setGuess('send-receipt', 'blocked'));
    expect(within(screen.getByTestId('row-create-invoice')).getByTestId('lesson-mark')).toHaveTextContent('guess: skipped');
    fireEvent.click(screen.getByRole('button', { name: /Run and check/ }));
    // At the run's start nothing is revealed: each verdict waits for its step's final state.
    expect(within(screen.getByTestId('row-create-invoice')).getByTestId('lesson-mark')).toHaveTextContent('guess: skipped');
    expect(within(screen.getByTestId('row-create-invoice')).getByTestId('lesson-mark')).toHaveAttribute('data-verdict', 'guess');
    act(() => store.getState().seekTime(store.getState().duration));
    expect(within(screen.getByTestId('row-create-invoice')).getByTestId('lesson-mark')).toHaveTextContent('✗ guess: skipped (wrong)');
    expect(within(screen.getByTestId('row-send-receipt')).getByTestId('lesson-mark')).toHaveTextContent('✓ guess: blocked (424) (right)');
    expect(within(screen.getByTestId('row-create-order')).getByTestId('lesson-mark')).toHaveTextContent('✗ no guess (wrong)');
  });
});
