import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { RippleProvider } from '../../src/store/context.tsx';
import { createRippleStore, type RippleStore, type RippleStoreOptions } from '../../src/store/store.ts';
import type { Dependency, Scenario, Step } from '../../src/scenario/types.ts';

/** Render `ui` inside a fresh store (returned for assertions) and a React Flow provider. */
export function renderWithStore(ui: ReactNode, options: RippleStoreOptions = {}): RenderResult & { store: RippleStore } {
  const store = createRippleStore(options);
  const result = render(
    <RippleProvider store={store}>
      <ReactFlowProvider>{ui}</ReactFlowProvider>
    </RippleProvider>,
  );
  return { ...result, store };
}

export function scenario(steps: (Partial<Step> & { id: string })[], deps: [string, string][] = [], extra: Partial<Scenario> = {}): Scenario {
  const dependencies: Dependency[] = deps.map(([from, to]) => ({ from, to }));
  return {
    version: 2,
    title: 'Test',
    steps: steps.map((s, i) => ({ position: { x: i * 220, y: 0 }, ...s })),
    dependencies,
    ...extra,
  };
}
