import type { TextsOffThread } from './texts-off-thread.ts';

// The text worker's client (texts-off-thread.ts, with worker-client.ts) is not needed for the
// first canvas: the first link or draft is made after a quiet time, and a link is decoded after
// its own chunk loads. This stand-in has the same shape, loads the client on the first request,
// and so keeps it out of the main bundle (issue #15, "First load").

let loading: Promise<TextsOffThread> | undefined;

function client(): Promise<TextsOffThread> {
  if (!loading) {
    const started = import('./texts-off-thread.ts').then((module) => {
      const texts = module.textsOffThread();
      if (!texts) throw new Error('this platform has no Worker for the text worker');
      return texts;
    });
    // A chunk that failed to load (offline after a deploy) is tried again on the next request.
    started.catch(() => {
      if (loading === started) loading = undefined;
    });
    loading = started;
  }
  return loading;
}

const onDemand: TextsOffThread = {
  shareUrl: (scenario, base) => client().then((texts) => texts.shareUrl(scenario, base)),
  draftText: (draft) => client().then((texts) => texts.draftText(draft)),
  openLink: (fragment) => client().then((texts) => texts.openLink(fragment)),
};

/**
 * The page's text worker client, loaded on its first request; null where the platform has no
 * `Worker` (Node, jsdom), as `textsOffThread()`. Each promise rejects when the client's chunk or
 * the worker fails: the callers then make the text on the page.
 */
export function textsOnDemand(): TextsOffThread | null {
  return typeof Worker === 'undefined' ? null : onDemand;
}
