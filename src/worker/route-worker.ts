import { routeAll } from '../canvas/layout/edge-routes.ts';
import { answerRouteRequest } from './route-transfer.ts';
import type { RouteReply, RouteRequest } from './routes-off-thread.ts';

// The route worker: the canvas's edge routes of a large graph (routeAll, hundreds of ms at
// 2,000 steps) made off the page's main thread (issue #9 item 3, issue #15). The page's side,
// and which graphs come here, is routes-off-thread.ts; the arrays both ways, route-transfer.ts.

interface WorkerScope {
  onmessage: ((event: MessageEvent<RouteRequest>) => void) | null;
  postMessage: (message: RouteReply, transfer: Transferable[]) => void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = ({ data }) => {
  let reply: RouteReply;
  try {
    const routes = answerRouteRequest(routeAll, data);
    scope.postMessage({ id: data.id, routes }, [routes.counts.buffer, routes.xy.buffer]);
    return;
  } catch (error) {
    reply = { id: data.id, error: `the route worker could not route the edges: ${error instanceof Error ? error.message : String(error)}` };
  }
  scope.postMessage(reply, []);
};
