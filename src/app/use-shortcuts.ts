import { useEffect } from 'react';
import { useRippleStore } from '../store/context.tsx';

// Editor shortcuts. Typing in a field keeps the field's own keys (its Ctrl+Z undoes text,
// Backspace deletes characters), and nothing fires behind an open dialog.
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return true;
  return false;
}

/** A control without text to edit: its Ctrl+Z is the editor's undo. */
function isToggleTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement && (target.type === 'checkbox' || target.type === 'radio');
}

export interface ShortcutActions {
  addStep: () => void;
}

export function useEditorShortcuts({ addStep }: ShortcutActions): void {
  const store = useRippleStore();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey) return;
      if (document.querySelector('[aria-modal="true"]')) return;
      const state = store.getState();
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key;
      if (mod && key === 'Enter') {
        event.preventDefault();
        state.runScenario();
        return;
      }
      if (state.readOnly) return;
      // A checkbox, radio button or button has no undo of its own: Ctrl+Z undoes the edit it just made.
      if (mod && isTypingTarget(event.target) && !isToggleTarget(event.target)) return;
      if (!mod && isTypingTarget(event.target)) return;
      if (mod) {
        const lower = key.toLowerCase();
        if (lower === 'z' && !event.shiftKey) state.undo();
        else if ((lower === 'z' && event.shiftKey) || lower === 'y') state.redo();
        else return;
        event.preventDefault();
        return;
      }
      if (event.shiftKey && key !== 'N') return;
      switch (key) {
        case 'n':
        case 'N':
          addStep();
          break;
        case 'F2':
          if (state.selectedStepId) state.startRename(state.selectedStepId);
          else return;
          break;
        case 'Delete':
        case 'Backspace':
          if (state.selectedStepIds.length === 0 && !state.selectedEdge) return;
          state.deleteSelection();
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, addStep]);
}
