import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import LessonPanel from '../../../src/lessons/ui/LessonPanel.tsx';
import { PresenterHost } from '../../../src/lessons/ui/PresenterHost.tsx';
import { findLesson } from '../../../src/lessons/course/index.ts';
import { renderWithStore } from '../../app/render.tsx';

describe('presenter mode', () => {
  it('hides the run until revealed; Space and → advance beat by beat with the beat step highlighted; ← back; Escape leaves', async () => {
    const lesson = findLesson('first-424')!;
    const beats = lesson.scenario.lesson!.beats!;
    expect(beats.length).toBeGreaterThan(1);
    const { store } = renderWithStore(
      <>
        <LessonPanel />
        <PresenterHost theme="light" />
      </>,
    );
    act(() => store.getState().startLesson(lesson.id, lesson));
    act(() => store.getState().runScenario());
    fireEvent.click(screen.getByRole('button', { name: 'Present' }));
    const dialog = await screen.findByRole('dialog', { name: `Presenting: ${lesson.title}` }, { timeout: 15_000 });
    // The run the learners would see is hidden until the presenter reveals it.
    expect(store.getState().run).toBeNull();
    expect(dialog).toHaveTextContent('Run hidden');
    fireEvent.keyDown(dialog, { key: ' ' });
    expect(store.getState().run).not.toBeNull();
    expect(dialog).toHaveTextContent(`Beat 1 of ${beats.length}`);
    expect(dialog).toHaveTextContent(beats[0].text);
    fireEvent.keyDown(dialog, { key: 'ArrowRight' });
    expect(dialog).toHaveTextContent(`Beat 2 of ${beats.length}`);
    expect(dialog).toHaveTextContent(beats[1].text);
    expect(store.getState().time).toBe(beats[1].at);
    expect(store.getState().selectedStepId).toBe(beats[1].step ?? null);
    fireEvent.keyDown(dialog, { key: 'ArrowLeft' });
    expect(dialog).toHaveTextContent(`Beat 1 of ${beats.length}`);
    // A run switches the side panel to the Run tab: the presenter, mounted at the root, stays.
    act(() => store.getState().setPanelTab('run'));
    expect(screen.getByRole('dialog', { name: `Presenting: ${lesson.title}` })).toBe(dialog);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(store.getState().presenting).toBe(false);
  });
});
