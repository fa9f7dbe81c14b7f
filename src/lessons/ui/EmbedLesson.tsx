import { useEffect } from 'react';
import { useRipple, useRippleStore } from '../../store/context.tsx';
import { lessonLinkId } from '../lesson-link.ts';
import LessonPanel from './LessonPanel.tsx';

// The lesson inside an embed (`embed.html?lesson=1#…`, issue #12): docs hold an exercise, not
// only a demo. The link's lesson opens as in the app (progress per link, in this browser); a
// read-only embed allows the predict and find-the-cause challenges; a fix links to the app
// (`appUrl`: this scenario in Ripple), and the course's and presenter's buttons are hidden.

export default function EmbedLesson({ appUrl }: { appUrl: string }) {
  const store = useRippleStore();
  const has = useRipple((s) => s.lessonActive !== null);
  useEffect(() => {
    const { scenario, lessonActive } = store.getState();
    if (!lessonActive && scenario.lesson) store.getState().startLesson(lessonLinkId(scenario), { title: scenario.title, scenario });
  }, [store]);
  if (!has && !store.getState().scenario.lesson) return <p className="panel-hint">This link carries no lesson.</p>;
  return (
    <section className="embed__lesson" aria-label="Lesson">
      <LessonPanel embedAppUrl={appUrl} />
    </section>
  );
}
