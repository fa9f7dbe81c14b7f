import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { parseEmbedParams } from '../../../src/embed/embed-params.ts';
import { findLesson } from '../../../src/lessons/course/index.ts';
import { lessonLinkId } from '../../../src/lessons/lesson-link.ts';
import EmbedLesson from '../../../src/lessons/ui/EmbedLesson.tsx';
import { renderWithStore } from '../../app/render.tsx';

describe('the lesson in an embed (embed.html?lesson=1)', () => {
  it('lesson=1 is read from the query; absent, no lesson is asked for', () => {
    expect(parseEmbedParams('?lesson=1').lesson).toBe(true);
    expect(parseEmbedParams('?theme=dark').lesson).toBeUndefined();
  });

  it('opens the link scenario lesson in a read-only store: the predict challenge is graded', () => {
    const lesson = findLesson('first-424')!;
    const { store } = renderWithStore(<EmbedLesson appUrl="https://x.org/ripple/#r1.abc" />, { scenario: lesson.scenario, readOnly: true });
    expect(store.getState().lessonActive?.id).toBe(lessonLinkId(lesson.scenario));
    fireEvent.change(screen.getByLabelText('Your guess for Create invoice'), { target: { value: 'blocked' } });
    fireEvent.click(screen.getByRole('button', { name: /Run and check \(1 of 5 guessed\)/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Skip to the end' }));
    expect(screen.getByRole('heading', { name: /Your prediction: \d of 5 right/ })).toBeInTheDocument();
    expect(screen.getByText(/Create invoice/, { selector: 'strong' }).closest('li')).toHaveTextContent('right, blocked (424)');
  });

  it('a fix cannot be solved in an embed: it links to the app instead, and can be skipped; no "All lessons" or "Present"', () => {
    const lesson = findLesson('naive-retry')!;
    const appUrl = 'https://x.org/ripple/#r1.abc';
    const { store } = renderWithStore(<EmbedLesson appUrl={appUrl} />, { scenario: lesson.scenario, readOnly: true });
    expect(screen.getByRole('link', { name: /Open in Ripple to solve/ })).toHaveAttribute('href', appUrl);
    expect(screen.queryByRole('button', { name: 'Run and check the goal' })).toBeNull();
    expect(screen.queryByRole('button', { name: '← All lessons' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Present' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Skip this challenge (no point)' }));
    expect(store.getState().lessonActive).toMatchObject({ challenge: 1, score: 0, total: 1 });
    expect(screen.getByRole('heading', { name: 'Which step should you fix?' })).toBeInTheDocument();
  });

  it('a scenario without a lesson says so', () => {
    const lesson = findLesson('first-424')!;
    const plain = { ...lesson.scenario };
    delete plain.lesson;
    renderWithStore(<EmbedLesson appUrl="https://x.org/ripple/#r1.abc" />, { scenario: plain, readOnly: true });
    expect(screen.getByText('This link carries no lesson.')).toBeInTheDocument();
  });
});
