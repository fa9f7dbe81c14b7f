/** What an empty canvas says: how to start, in two ways. */
export function EmptyCanvas({ onOpenGallery, onAddStep }: { onOpenGallery: () => void; onAddStep: () => void }) {
  return (
    <div className="canvas-empty">
      <div className="canvas-empty__card">
        <h2>Draw steps that depend on each other</h2>
        <p>
          Start from an example, or add a step (double-click here, or press <kbd>N</kbd>). Drag from a step’s right edge to another step to
          make it depend on the first.
        </p>
        <p>Then mark a step as failing and press Run: its dependents answer 424.</p>
        <div className="canvas-empty__actions">
          <button type="button" className="btn btn--primary" onClick={onOpenGallery}>
            Open an example
          </button>
          <button type="button" className="btn" onClick={onAddStep} data-add-step-button>
            + Add a step
          </button>
        </div>
      </div>
    </div>
  );
}
