import type { Scenario } from '../scenario/types.ts';
import { hasDependency } from '../scenario/edit-graph.ts';
import type { Selection, SelectionSlice, SliceCreator } from './types.ts';

// What the person has selected (steps, one dependency) and which label is being renamed.
// Edits that remove steps keep the selection valid with `pruneSelection`, in the same update
// as the edit, so no subscriber ever sees a selection of steps that no longer exist.

export const NO_SELECTION: Selection = { selectedStepId: null, selectedStepIds: [], selectedEdge: null, renamingStepId: null };

/** `selection` kept to the steps and the dependency that still exist in `scenario` (after delete, undo, load). */
export function pruneSelection(scenario: Scenario, selection: Selection): Selection {
  const ids = new Set(scenario.steps.map((s) => s.id));
  const selectedStepIds = selection.selectedStepIds.filter((id) => ids.has(id));
  const edge = selection.selectedEdge;
  return {
    selectedStepIds,
    selectedStepId: selection.selectedStepId && ids.has(selection.selectedStepId) ? selection.selectedStepId : (selectedStepIds.at(-1) ?? null),
    selectedEdge: edge && hasDependency(scenario.dependencies, edge.from, edge.to) ? edge : null,
    renamingStepId: selection.renamingStepId && ids.has(selection.renamingStepId) ? selection.renamingStepId : null,
  };
}

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set, get) => {
  // Selecting something before a run opens the inspector; after a run the run tab stays, where
  // "Why 424?" answers for the selection. In a lesson the Lesson tab stays (selecting is how a
  // learner points at a step to predict it).
  const tabFor = (selected: boolean): Partial<SelectionSlice> =>
    selected && !get().run && !get().readOnly && !get().lessonActive ? { panelTab: 'step' } : {};
  return {
    ...NO_SELECTION,
    panelTab: 'scenario',
    revealSeq: 0,

    setPanelTab: (panelTab) => set({ panelTab }),
    selectStep: (id) =>
      set({ selectedStepId: id, selectedStepIds: id ? [id] : [], selectedEdge: null, ...(id !== null ? { revealSeq: get().revealSeq + 1 } : {}), ...tabFor(id !== null) }),
    setSelection: (ids, edge = null) => {
      const { selectedStepId } = get();
      const unique = [...new Set(ids)];
      set({
        selectedStepIds: unique,
        selectedStepId: selectedStepId && unique.includes(selectedStepId) ? selectedStepId : (unique.at(-1) ?? null),
        selectedEdge: edge,
        ...tabFor(unique.length > 0 || edge !== null),
      });
    },
    selectEdge: (edge) => set({ selectedEdge: edge, selectedStepId: null, selectedStepIds: [], ...tabFor(edge !== null) }),
    startRename: (id) => {
      if (get().readOnly || !get().scenario.steps.some((s) => s.id === id)) return;
      set({ renamingStepId: id, selectedStepId: id, selectedStepIds: [id], selectedEdge: null, ...tabFor(true) });
    },
    stopRename: () => set({ renamingStepId: null }),
  };
};
