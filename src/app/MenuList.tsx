// The list of a toolbar menu button (Import / Export, and More on a phone): WAI-ARIA's menu
// button pattern. Mounted only while the menu is open; the button that opens it stays with its
// owner, so this code loads with the menus (lazy chunks), not with the first canvas.
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';

/** The items of a menu, whatever their kind (`menuitem`, `menuitemcheckbox`). */
const ITEMS = '[role^="menuitem"]';

/**
 * A `role="menu"` list under its button. On open the first item takes the focus; ↑/↓ move it
 * round the items, Home/End to the ends; Escape closes and gives the focus back to the button,
 * Tab closes and lets the focus move on; a press outside the list and its button closes it.
 * Items close it with `closeMenu` when chosen. `onClose` (a new function each render is fine)
 * only sets the owner's state.
 */
export function MenuList({ id, label, button, onClose, className = 'share-menu__list', children }: { id: string; label: string; button: RefObject<HTMLButtonElement | null>; onClose: () => void; className?: string; children: ReactNode }) {
  const list = useRef<HTMLUListElement>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });

  useEffect(() => {
    list.current?.querySelector<HTMLElement>(ITEMS)?.focus();
    const onDown = (event: MouseEvent) => {
      if (!list.current?.contains(event.target as Node) && !button.current?.contains(event.target as Node)) close.current();
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [button]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    const items = [...(list.current?.querySelectorAll<HTMLElement>(ITEMS) ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'Escape') {
      event.stopPropagation();
      closeMenu(button, close.current);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(at + step + items.length) % items.length]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      items[event.key === 'Home' ? 0 : items.length - 1]?.focus();
    } else if (event.key === 'Tab') {
      close.current();
    }
  };

  return (
    <ul ref={list} id={id} className={className} role="menu" aria-label={label} onKeyDown={onKeyDown}>
      {children}
    </ul>
  );
}

/** Closes a menu whose item was chosen (or Escape pressed): the focus goes back to its button. */
export function closeMenu(button: RefObject<HTMLButtonElement | null>, onClose: () => void): void {
  onClose();
  button.current?.focus();
}
