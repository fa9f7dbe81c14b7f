import { lazy, Suspense } from 'react';

// The Lessons tab of the side panel. The course and its panel load on demand, so the main
// chunk carries neither until a person opens the tab.
const LessonPanel = lazy(() => import('./LessonPanel.tsx'));

export function LessonTab() {
  return (
    <Suspense fallback={<p className="panel-hint">Loading the lessons…</p>}>
      <LessonPanel />
    </Suspense>
  );
}
