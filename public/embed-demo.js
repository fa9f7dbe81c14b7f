// Host side of Ripple's embed protocol (docs/embed.md), as a host page would write it.
// Messages from each frame are told apart by event.source; anything that is not a valid
// version-1 Ripple message is ignored.

/** Every accepted message, in order; the browser tests read this. */
window.rippleMessages = [];

const frames = [...document.querySelectorAll('iframe')];

function frameOf(source) {
  return frames.find((frame) => frame.contentWindow === source) ?? null;
}

function isRippleMessage(data) {
  return typeof data === 'object' && data !== null && data.source === 'ripple-embed' && data.version === 1 && typeof data.type === 'string';
}

window.addEventListener('message', (event) => {
  const frame = frameOf(event.source);
  if (!frame || !isRippleMessage(event.data)) return;
  const message = event.data;
  window.rippleMessages.push({ frame: frame.id, ...message });
  const status = document.querySelector(`[data-status="${frame.id}"]`);
  switch (message.type) {
    case 'ready':
      status.textContent = `ready: “${message.title}”, ${message.steps} steps, ${message.durationMs} ms`;
      break;
    case 'height':
      // Size the frame to its content, within sane bounds.
      if (Number.isFinite(message.height)) frame.style.height = `${Math.min(Math.max(message.height, 200), 1200)}px`;
      break;
    case 'moment':
      status.textContent = `${message.playing ? 'playing' : 'paused'} at ${Math.round(message.t)} ms (event ${message.cursor})`;
      break;
  }
});

document.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-frame]');
  if (!button) return;
  const frame = document.getElementById(button.dataset.frame);
  const message = { source: 'ripple-host', version: 1, type: button.dataset.send };
  if (message.type === 'seek') message.t = Number(button.dataset.t);
  // The embed is served from this page's origin here; a docs site would name Ripple's origin.
  frame.contentWindow.postMessage(message, new URL(frame.src, location.href).origin);
});
