import { textAnswerer, type TextReply, type TextRequest } from './text-requests.ts';

// The text worker: makes a scenario's share link and its packed draft text, and decodes a link opened,
// off the page's main thread (text-requests.ts says why; the page's side is texts-off-thread.ts).
// A worker of its own, not a message of the simulate worker: the address bar wants its link as
// soon as the page opens, long before any run loads the engine into the simulate worker, and a
// link or a save must not wait behind a 2,000-step run (nor a run behind them). It loads only
// the link codec and the scenario gate.

interface WorkerScope {
  onmessage: ((event: MessageEvent<TextRequest>) => void) | null;
  postMessage: (message: TextReply) => void;
}
const scope = self as unknown as WorkerScope;

const answer = textAnswerer();
scope.onmessage = ({ data }) => scope.postMessage(answer(data));
