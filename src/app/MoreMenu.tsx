// The toolbar's More menu on a phone (Toolbar.tsx): the less-used tools, which the toolbar hides
// below 600 px so that it takes two rows. Loaded when first opened, out of the main chunk.
import type { ReactNode, RefObject } from 'react';
import { Icon } from '../canvas/icons.tsx';
import { CompareIcon } from './compare/CompareEntry.tsx';
import { closeMenu, MenuList } from './MenuList.tsx';

/** One of the toolbar's tools as a menu item: `checked` makes it a checkbox item (a toggle), `dialog` says it opens one. */
interface MoreAction {
  icon: ReactNode;
  /** The item's words, which are also its accessible name. */
  text: string;
  run: () => void;
  disabled?: boolean;
  checked?: boolean;
  dialog?: boolean;
}

/** What the toolbar knows of its less-used tools, and their actions (Toolbar.tsx). */
export interface MoreTools {
  readOnly: boolean;
  hasSteps: boolean;
  /** The title of the draft "Restore draft" brings back; null: none kept. */
  previousTitle: string | null;
  tableOn: boolean;
  themeLabel: string;
  tidy: () => void;
  restore: () => void;
  recent: () => void;
  lessons: () => void;
  table: () => void;
  theme: () => void;
  compare: () => void;
}

/** The toolbar's tools marked `more` (Toolbar.tsx), in its order, with the names their buttons have. */
function moreActions(t: MoreTools): MoreAction[] {
  const edit: MoreAction[] = t.readOnly
    ? []
    : [
        { icon: <Icon name="tidy" />, text: 'Tidy: arrange left to right', run: t.tidy, disabled: !t.hasSteps },
        ...(t.previousTitle === null
          ? []
          : [
              { icon: <Icon name="rotate-back" />, text: `Restore draft “${t.previousTitle}”`, run: t.restore },
              { icon: <Icon name="caret" />, text: 'Recent drafts', run: t.recent, dialog: true },
            ]),
      ];
  return [
    ...edit,
    { icon: <Icon name="check" />, text: 'Lessons: predict, run, learn from every miss', run: t.lessons },
    { icon: <Icon name="table" />, text: 'Table view', run: t.table, checked: t.tableOn },
    { icon: <Icon name="theme" />, text: t.themeLabel, run: t.theme },
    { icon: <CompareIcon />, text: 'Compare with…', run: t.compare, disabled: !t.hasSteps, dialog: true },
  ];
}

/**
 * `id`: the list's, which its button names in `aria-controls`. A disabled item stays in the
 * menu, focusable and announced as unavailable (aria-disabled), and does nothing.
 */
export default function MoreMenu({ id, tools, button, onClose }: { id: string; tools: MoreTools; button: RefObject<HTMLButtonElement | null>; onClose: () => void }) {
  const actions = moreActions(tools);
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
