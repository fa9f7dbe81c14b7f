// What the toolbar's Share and Import / Export buttons show: drawn by the placeholder the page
// loads up front (ShareEntry.tsx) and by the menu that replaces it (ShareMenu.tsx), so the two
// cannot drift apart.
import { Icon } from '../../canvas/icons.tsx';

export function ShareFace() {
  return (
    <>
      <span className="btn__icon" aria-hidden="true">
        <Icon name="external" />
      </span>
      <span className="btn__text">Share</span>
    </>
  );
}

export function ImportExportFace() {
  return (
    <>
      <span className="btn__icon" aria-hidden="true">
        <Icon name="import-export" />
      </span>
      <span className="btn__text">Import / Export</span>
      <span className="btn__caret" aria-hidden="true">
        <Icon name="caret" />
      </span>
    </>
  );
}
