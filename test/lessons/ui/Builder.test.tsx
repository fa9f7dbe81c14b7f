import { act, fireEvent, render, screen } from '@testing-library/react';
import { RippleProvider } from '../../../src/store/context.tsx';
import { describe, expect, it } from 'vitest';
import LessonPanel from '../../../src/lessons/ui/LessonPanel.tsx';
import { lessonLinkId } from '../../../src/lessons/lesson-link.ts';
import { decodeScenarioLink, encodeScenarioLink } from '../../../src/scenario/link-codec.ts';
import { findPreset } from '../../../src/presets/index.ts';
import { renderWithStore } from '../../app/render.tsx';

const payment = () => ({ scenario: findPreset('payment-fails')!.scenario });

describe('lesson builder', () => {
  it('keeps what the author wrote when the builder is unmounted (a run shows the Run tab) and mounted again', () => {
    const { store, unmount } = renderWithStore(<LessonPanel />, payment());
    fireEvent.click(screen.getByRole('button', { name: 'Make a lesson of this scenario' }));
    fireEvent.change(screen.getByLabelText(/Introduction/), { target: { value: 'Guess first.' } });
    unmount();
    // The same store, mounted again: the draft is still there.
    const { container } = render(
      <RippleProvider store={store}>
        <LessonPanel />
      </RippleProvider>,
    );
    expect(container.querySelector('textarea')).toHaveValue('Guess first.');
    // "Make a lesson" again starts afresh.
    act(() => store.getState().setLessonBuilding(true));
    expect(container.querySelector('textarea')).toHaveValue('');
  });

  it('makes a fix lesson from the current run: intro, a beat at the playhead, a goal line, par; previews and puts it in the scenario', () => {
    const { store } = renderWithStore(<LessonPanel />, payment());
    fireEvent.click(screen.getByRole('button', { name: 'Make a lesson of this scenario' }));
    const stepIds = store.getState().scenario.steps.map((s) => s.id);
    // Nothing written yet: the lesson is refused with the gate's words.
    expect(screen.getByRole('button', { name: 'Preview as a learner' })).toBeDisabled();
    fireEvent.change(screen.getByLabelText(/Introduction/), { target: { value: 'Which step answers 424?\n\nFix it.' } });
    act(() => store.getState().runScenario());
    act(() => store.getState().seekTime(100));
    act(() => store.getState().selectStep(stepIds[0]));
    fireEvent.change(screen.getByLabelText('Beat text'), { target: { value: 'It starts here.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a beat at 100 ms' }));
    expect(screen.getByRole('button', { name: 'Remove the beat at 100 ms' })).toBeInTheDocument();
    fireEvent.click(screen.getByLabelText('Fix it to meet a goal'));
    const names = store.getState().scenario.steps.map((s) => s.label ?? s.id);
    const last = stepIds[stepIds.length - 1];
    fireEvent.click(screen.getByLabelText(`${names[names.length - 1]} must end succeeded`));
    fireEvent.click(screen.getByLabelText('no step answers 424 more than once'));
    fireEvent.change(screen.getByLabelText('Par (fewest edits)'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Put the lesson in the scenario' }));
    expect(screen.getByText(/^Done: the lesson is in the scenario\./)).toBeInTheDocument();
    const lesson = store.getState().scenario.lesson;
    expect(lesson).toEqual({
      intro: 'Which step answers 424?\n\nFix it.',
      beats: [{ at: 100, text: 'It starts here.', step: stepIds[0] }],
      challenges: [{ kind: 'fix', goal: [{ kind: 'step-state', step: last, state: 'succeeded' }, { kind: 'max-424-answers', count: 1 }], editable: ['policy'], par: 2 }],
    });
    // The scenario with its lesson is a share link like any other, and carries the lesson.
    const decoded = decodeScenarioLink(encodeScenarioLink(store.getState().scenario));
    expect(decoded.ok && decoded.scenario.lesson).toEqual(lesson);

    const withLesson = store.getState().scenario;
    fireEvent.click(screen.getByRole('button', { name: 'Preview as a learner' }));
    expect(store.getState().lessonActive?.id).toBe(lessonLinkId(withLesson));
    expect(screen.getByText('Which step answers 424?')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '← All lessons' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '← Back to the builder' }));
    // Back in the builder, the scenario still carries its lesson.
    expect(screen.getByRole('heading', { name: /Make a lesson of/ })).toBeInTheDocument();
    expect(store.getState().scenario.lesson).toEqual(lesson);
  });

  it('a find-the-cause lesson offers the steps the run blocked', () => {
    const { store } = renderWithStore(<LessonPanel />, payment());
    act(() => store.getState().runScenario());
    fireEvent.click(screen.getByRole('button', { name: 'Make a lesson of this scenario' }));
    fireEvent.click(screen.getByLabelText('Find the cause of a 424'));
    const result = store.getState().segments[0].result;
    const blocked = Object.keys(result.steps).filter((id) => result.steps[id].state === 'blocked');
    const select = screen.getByLabelText('The 424 to explain');
    expect(Array.from((select as HTMLSelectElement).options).slice(1).map((o) => o.value)).toEqual(store.getState().scenario.steps.map((s) => s.id).filter((id) => blocked.includes(id)));
  });
});
