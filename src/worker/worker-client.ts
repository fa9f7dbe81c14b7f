// The page's side of a request/reply module worker, shared by the simulate worker's client
// (off-thread.ts) and the text worker's (texts-off-thread.ts): requests are numbered, and each
// promise is settled by the reply that carries its number.

/** A request before it is numbered (Omit of each member of a union). */
export type Unnumbered<T> = T extends unknown ? Omit<T, 'id'> : never;

export interface WorkerClientOptions<Reply, Value> {
  /** Named in errors: "the simulate worker failed: …". */
  what: string;
  /** Makes the worker; holds the literal `new Worker(new URL('./x.ts', import.meta.url), …)` that Vite bundles. */
  start: () => Worker;
  /** The value of a reply, read in the message's task; throws to reject its request. */
  read: (reply: Reply) => Value;
}

/**
 * A client started on its first request. A worker that fails to load or crashes, or a reply the
 * page cannot read, rejects every pending request, and the next request starts a new worker. A
 * request that cannot be posted (not cloneable, or no worker allowed) rejects at once.
 *
 * @example
 * const ask = workerClient<Req, Reply, string>({ what: 'the text worker', start, read: (r) => r.text });
 * await ask({ kind: 'draft-text', draft }) // → 'z1.…'
 */
export function workerClient<Request extends { id: number }, Reply extends { id: number }, Value>(
  options: WorkerClientOptions<Reply, Value>,
): (request: Unnumbered<Request>, transfer?: Transferable[]) => Promise<Value> {
  let worker: Worker | null = null;
  let nextId = 0;
  const pending = new Map<number, { resolve: (value: Value) => void; reject: (error: Error) => void }>();

  const failAll = (message: string) => {
    for (const { reject } of pending.values()) reject(new Error(message));
    pending.clear();
    worker?.terminate();
    worker = null;
  };

  const start = (): Worker => {
    const created = options.start();
    created.onmessage = ({ data }: MessageEvent<Reply>) => {
      const waiting = pending.get(data.id);
      if (!waiting) return;
      pending.delete(data.id);
      let value: Value;
      try {
        value = options.read(data);
      } catch (error) {
        waiting.reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      waiting.resolve(value);
    };
    created.onerror = (event) => {
      event.preventDefault();
      failAll(`${options.what} failed: ${event.message || 'it could not be loaded'}`);
    };
    created.onmessageerror = () => failAll(`${options.what} sent a reply the page could not read`);
    return created;
  };

  return (request, transfer = []) =>
    new Promise<Value>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      try {
        worker ??= start();
        worker.postMessage({ ...request, id }, transfer);
      } catch (error) {
        // The request could not be copied to the worker (a bug), or the worker not made (a CSP).
        pending.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
}
