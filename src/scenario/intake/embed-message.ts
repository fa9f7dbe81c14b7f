// Reading postMessage payloads of the protocol between an embedded Ripple (embed.html in an
// <iframe>) and the page that hosts it: the message types and their validators. A message
// event's `data` is whatever any script in any window posted, so every message is checked
// field by field and anything that is not exactly one of ours is ignored (null), never
// thrown on. Versioned so a host written today keeps working. The builders live in
// src/embed/protocol.ts; documented for host authors in docs/embed.md.

export const EMBED_SOURCE = 'ripple-embed';
export const HOST_SOURCE = 'ripple-host';
export const PROTOCOL_VERSION = 1;

/** Fields every message from the embed carries. `id` echoes the embed's `id` parameter, if any. */
interface EmbedEnvelope {
  source: typeof EMBED_SOURCE;
  version: typeof PROTOCOL_VERSION;
  id?: string;
}

/** The embed has drawn its scenario and accepts host messages. */
export interface ReadyMessage extends EmbedEnvelope {
  type: 'ready';
  title: string;
  steps: number;
  /** Virtual duration of the run in ms (0 when the scenario has no steps). */
  durationMs: number;
}

/** The height in CSS pixels the embed's content wants; hosts may size the frame to it. */
export interface HeightMessage extends EmbedEnvelope {
  type: 'height';
  height: number;
}

/** The moment shown changed (playback, seek, or a click on the transport bar). */
export interface MomentMessage extends EmbedEnvelope {
  type: 'moment';
  /** Virtual time in ms of the moment shown. */
  t: number;
  /** Index of the current event in the run's event list. */
  cursor: number;
  playing: boolean;
}

/** The embed was opened without a scenario and listens for the host's `load` message. */
export interface AwaitingScenarioMessage extends EmbedEnvelope {
  type: 'awaiting-scenario';
}

export type EmbedMessage = ReadyMessage | HeightMessage | MomentMessage | AwaitingScenarioMessage;

interface HostEnvelope {
  source: typeof HOST_SOURCE;
  version: typeof PROTOCOL_VERSION;
}

export interface PlayMessage extends HostEnvelope {
  type: 'play';
}
export interface PauseMessage extends HostEnvelope {
  type: 'pause';
}
/** Move to virtual time `t` (ms); the embed shows the last event at or before it. */
export interface SeekMessage extends HostEnvelope {
  type: 'seek';
  t: number;
}

/**
 * The scenario itself, as text (JSON, or YAML where the gate reads it), for an embed opened
 * without a link in its address: the `<ripple-embed>` element fetches a scenario file on the
 * docs page and hands it over. The embed checks it like any opened file.
 */
export interface LoadMessage extends HostEnvelope {
  type: 'load';
  text: string;
}

/** Longest `load` text passed on to the gate (which has its own, smaller, limits and says so). */
export const MAX_LOAD_TEXT = 64 * 1024 * 1024;

export type HostMessage = PlayMessage | PauseMessage | SeekMessage | LoadMessage;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

const MAX_ID_LENGTH = 200;

function validId(value: unknown): boolean {
  return value === undefined || (typeof value === 'string' && value.length <= MAX_ID_LENGTH);
}

/**
 * The host message in `data`, or null for anything else (other libraries' messages, other
 * versions, wrong field types). `parseHostMessage({ source: 'ripple-host', version: 1, type: 'play' })`
 * → `{ …, type: 'play' }`.
 */
export function parseHostMessage(data: unknown): HostMessage | null {
  if (!isRecord(data) || data.source !== HOST_SOURCE || data.version !== PROTOCOL_VERSION) return null;
  switch (data.type) {
    case 'play':
    case 'pause':
      return { source: HOST_SOURCE, version: PROTOCOL_VERSION, type: data.type };
    case 'seek':
      return isTime(data.t) ? { source: HOST_SOURCE, version: PROTOCOL_VERSION, type: 'seek', t: data.t } : null;
    case 'load':
      return typeof data.text === 'string' && data.text.length <= MAX_LOAD_TEXT ? { source: HOST_SOURCE, version: PROTOCOL_VERSION, type: 'load', text: data.text } : null;
    default:
      return null;
  }
}

/** The embed message in `data`, or null: what a host (or our demo page) accepts. */
export function parseEmbedMessage(data: unknown): EmbedMessage | null {
  if (!isRecord(data) || data.source !== EMBED_SOURCE || data.version !== PROTOCOL_VERSION) return null;
  if (!validId(data.id)) return null;
  const envelope = { source: EMBED_SOURCE, version: PROTOCOL_VERSION, ...(data.id === undefined ? {} : { id: data.id as string }) } as const;
  switch (data.type) {
    case 'ready':
      if (typeof data.title !== 'string' || !isTime(data.steps) || !Number.isInteger(data.steps) || !isTime(data.durationMs)) return null;
      return { ...envelope, type: 'ready', title: data.title, steps: data.steps, durationMs: data.durationMs };
    case 'height':
      return isTime(data.height) ? { ...envelope, type: 'height', height: data.height } : null;
    case 'moment':
      if (!isTime(data.t) || !isTime(data.cursor) || !Number.isInteger(data.cursor) || typeof data.playing !== 'boolean') return null;
      return { ...envelope, type: 'moment', t: data.t, cursor: data.cursor, playing: data.playing };
    case 'awaiting-scenario':
      return { ...envelope, type: 'awaiting-scenario' };
    default:
      return null;
  }
}
