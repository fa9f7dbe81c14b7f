// When a part of the editor throws while drawing (the canvas, the dock, the side panel), only
// that part is replaced by a short message with a way back; the toolbar, the other parts and
// the store live on. The draft lives in the store, which autosaves it, so it is safe: the
// message says so and offers it as a file as well.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useRippleStore } from '../store/context.tsx';
import { downloadText } from './share/download.ts';
import { fileBase } from '../export/file-name.ts';

interface Props {
  /** What the part does, for the message: "drawing the canvas" → "Something went wrong drawing the canvas". */
  what: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/**
 * Catches what its children throw while rendering and shows `what` went wrong, with
 * "Try again" (render the children anew), "Reload" and "Download draft". Needs a RippleProvider.
 */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept in the console for a bug report; the person sees the message below.
    console.error(`Ripple: error ${this.props.what}`, error, info.componentStack);
  }

  render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return <Fallback what={this.props.what} error={error} onRetry={() => this.setState({ error: null })} />;
  }
}

function Fallback({ what, error, onRetry }: { what: string; error: Error; onRetry: () => void }) {
  const store = useRippleStore();
  const downloadDraft = () => {
    const { scenario } = store.getState();
    downloadText(`${JSON.stringify(scenario, null, 2)}\n`, `${fileBase(scenario.title)}.ripple.json`, 'application/json');
  };
  return (
    <div className="error-fallback" role="alert" data-testid="error-fallback">
      <p className="error-fallback__title">Something went wrong {what} — your draft is safe.</p>
      <p className="error-fallback__detail">{error.message}</p>
      <div className="error-fallback__actions">
        <button type="button" className="btn btn--primary" onClick={onRetry}>
          Try again
        </button>
        <button type="button" className="btn" onClick={() => location.reload()}>
          Reload
        </button>
        <button type="button" className="btn" onClick={downloadDraft}>
          Download draft
        </button>
      </div>
    </div>
  );
}
