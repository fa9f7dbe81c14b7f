import { loadEngine } from '../src/store/engine-loader.ts';
import { loadScenarioGate } from '../src/scenario/gate-loader.ts';
import { loadLessonWorkings } from '../src/store/lesson-slice.ts';
import { loadLint } from '../src/canvas/use-lint.ts';
import { loadEdgeRouting } from '../src/canvas/use-edge-routing.ts';
import { loadDraftUnpacking } from '../src/store/persistence.ts';

// The page loads the engine on its first run (src/store/engine-loader.ts); tests of the store
// and components run with it loaded, as the page is after that first load. The path before it
// loads is tested in test/store/engine-loader.test.ts and by the browser tests.
await loadEngine();
// The same for the scenario gate's checks (src/scenario/gate-loader.ts), which the page loads at start-up.
await loadScenarioGate();
// And the lesson workings (src/store/lesson-workings.ts), which it starts loading then too.
await loadLessonWorkings();
// And the canvas's lint (src/canvas/use-lint.ts), which it loads as the canvas mounts.
await loadLint();
await loadEdgeRouting();
// And the unpacking of packed drafts (src/store/persistence.ts), which main.tsx loads when a draft is stored.
await loadDraftUnpacking();
