import { textAnswerer, type TextReply, type TextRequest } from '../../src/worker/text-requests.ts';

// A stand-in for the browser's `Worker` running the text worker's own handler
// (src/worker/text-requests.ts): requests and replies are copied with structuredClone, as
// postMessage copies them, and answered in a later task. `hold()` keeps replies until
// `release()`, to see what the page does while the worker is at work; `crash()` fails the
// worker as a script error in it would.
export class FakeTextWorker {
  static made: FakeTextWorker[] = [];
  /** Every request any instance was sent since `reset()`, oldest first. */
  static requests: TextRequest[] = [];
  static holding = false;
  private static held: (() => void)[] = [];

  onmessage: ((event: { data: TextReply }) => void) | null = null;
  onerror: ((event: { message: string; preventDefault: () => void }) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  requests: TextRequest[] = [];

  constructor() {
    FakeTextWorker.made.push(this);
  }

  private answer = textAnswerer();

  postMessage(request: TextRequest): void {
    const copy = structuredClone(request);
    this.requests.push(copy);
    FakeTextWorker.requests.push(copy);
    const deliver = () => {
      if (!this.terminated) this.onmessage?.({ data: structuredClone(this.answer(copy)) });
    };
    setTimeout(() => (FakeTextWorker.holding ? FakeTextWorker.held.push(deliver) : deliver()), 0);
  }

  terminate(): void {
    this.terminated = true;
  }

  crash(): void {
    this.onerror?.({ message: 'Uncaught SyntaxError in the worker', preventDefault: () => undefined });
  }

  static hold(): void {
    FakeTextWorker.holding = true;
  }

  /** Delivers the replies kept so far, oldest first, or in `order` (indexes into them). */
  static release(order?: number[]): void {
    const held = FakeTextWorker.held;
    FakeTextWorker.held = [];
    FakeTextWorker.holding = false;
    for (const k of order ?? held.map((_, i) => i)) held[k]();
  }

  static reset(): void {
    FakeTextWorker.made = [];
    FakeTextWorker.requests = [];
    FakeTextWorker.held = [];
    FakeTextWorker.holding = false;
  }
}
