// The postMessage protocol between an embedded Ripple (embed.html in an <iframe>) and the page
// that hosts it: building our messages here; the message types and the validators for
// incoming messages are in the intake gate (src/scenario/intake/embed-message.ts).
// Documented for host authors in docs/embed.md.
import { HOST_SOURCE, EMBED_SOURCE, PROTOCOL_VERSION, type EmbedMessage, type HostMessage } from '../scenario/intake/embed-message.ts';

export { EMBED_SOURCE, HOST_SOURCE, PROTOCOL_VERSION, parseEmbedMessage, parseHostMessage } from '../scenario/intake/embed-message.ts';
export type {
  EmbedMessage,
  HeightMessage,
  HostMessage,
  LoadMessage,
  MomentMessage,
  PauseMessage,
  PlayMessage,
  ReadyMessage,
  SeekMessage,
} from '../scenario/intake/embed-message.ts';

type Fields<M> = M extends unknown ? Omit<M, 'source' | 'version'> : never;

/** `embedMessage({ type: 'height', height: 420 })` → a complete, versioned message. */
export function embedMessage(fields: Fields<EmbedMessage>): EmbedMessage {
  return { source: EMBED_SOURCE, version: PROTOCOL_VERSION, ...fields } as EmbedMessage;
}

/** `hostMessage({ type: 'seek', t: 300 })` → what a host posts to the embed's window. */
export function hostMessage(fields: Fields<HostMessage>): HostMessage {
  return { source: HOST_SOURCE, version: PROTOCOL_VERSION, ...fields } as HostMessage;
}
