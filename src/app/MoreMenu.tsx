// The toolbar's More menu on a phone (Toolbar.tsx): the less-used tools, which the toolbar hides
// below 600 px so that it takes two rows. Loaded when first opened, out of the main chunk.
import type { ReactNode, RefObject } from 'react';
import { Icon } from '../canvas/icons.tsx';
import { closeMenu, MenuList } from './MenuList.tsx';

/** One of the toolbar's tools as a menu item: `checked` makes it a checkbox item (a toggle), `dialog` says it opens one. */
export interface MoreAction {
  icon: ReactNode;
  /** The item's words, which are also its accessible name. */
  text: string;
  run: () => void;
  disabled?: boolean;
  checked?: boolean;
  dialog?: boolean;
}

/** `id`: the list's, which its button names in `aria-controls`. A disabled item stays in the menu, focusable and announced as unavailable (aria-disabled), and does nothing. */
export default function MoreMenu({ id, actions, button, onClose }: { id: string; actions: MoreAction[]; button: RefObject<HTMLButtonElement | null>; onClose: () => void }) {
  return (
    <MenuList id={id} label="More tools" button={button} onClose={onClose} className="share-menu__list toolbar__more-list">
      {actions.map((action) => (
        <li key={action.text} role="none">
          <button
            type="button"
            role={action.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
            aria-checked={action.checked}
            aria-disabled={action.disabled || undefined}
            aria-haspopup={action.dialog ? 'dialog' : undefined}
            tabIndex={-1}
            className="share-menu__item toolbar__more-item"
            onClick={() => {
              if (action.disabled) return;
              closeMenu(button, onClose);
              action.run();
            }}
          >
            <span className="btn__icon" aria-hidden="true">
              {action.icon}
            </span>
            <span>{action.text}</span>
            {action.checked && (
              <span className="toolbar__more-check" aria-hidden="true">
                <Icon name="check" />
              </span>
            )}
          </button>
        </li>
      ))}
    </MenuList>
  );
}
