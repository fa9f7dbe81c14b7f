import { useEffect } from 'react';
import { useRippleStore } from '../store/context.tsx';

// Editor shortcuts. Typing in a field keeps the field's own keys (its Ctrl+Z undoes text,
// Backspace deletes characters), and nothing fires behind an open dialog.
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return true;
  return false;
}

/**
 * A control whose Ctrl+Z is the editor's undo: one without text to edit (a checkbox, a radio
 * button), or a field with nothing typed since it last committed (`data-unedited`,
 * src/panels/fields.tsx). The browser keeps one undo list for the page's fields, so there its
 * Ctrl+Z would put back another field's old text, which the field would then commit anew.
 */
function hasNoUndoOfItsOwn(target: EventTarget | null): boolean {
  if (target instanceof HTMLInputElement && (target.type === 'checkbox' || target.type === 'radio')) return true;
  return target instanceof HTMLElement && target.hasAttribute('data-unedited');
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
      // A checkbox, radio button, button or untouched field has no undo of its own: Ctrl+Z undoes the last edit.
      if (mod && isTypingTarget(event.target) && !hasNoUndoOfItsOwn(event.target)) return;
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
