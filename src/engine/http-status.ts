// HTTP status codes as the engine and the UI's status picker talk about them. Reason phrases
// follow the IANA registry (RFC 9110, plus WebDAV's 422/423/424/507/508 from RFC 4918/5842) and
// are in status-reasons.ts, which the canvas reads without the meanings below (issue #15).
import { STATUS_REASONS } from './status-reasons.ts';

export { reasonPhrase } from './status-reasons.ts';

export interface StatusInfo {
  status: number;
  /** The registered reason phrase: `Failed Dependency`. */
  reason: string;
  /** One line on what the code means. */
  meaning: string;
  /** Whether sending the same request again can succeed without changing anything else. */
  retryHelps: boolean;
  /** Whether a scenario may use it as `fail.status` (424 is the engine's own answer). */
  selectable: boolean;
}

function info(status: number, meaning: string, retryHelps: boolean): StatusInfo {
  return { status, reason: STATUS_REASONS[status].reason, meaning, retryHelps, selectable: status !== 424 };
}

const TABLE: readonly StatusInfo[] = [
  info(400, 'The request is malformed; the server will not process it as sent.', false),
  info(401, 'The request lacks valid credentials.', false),
  info(402, 'Payment is needed first, e.g. a declined card.', false),
  info(403, 'The credentials are valid but not allowed to do this.', false),
  info(404, 'The target resource does not exist (or is hidden).', false),
  info(405, 'The resource does not support this method.', false),
  info(406, 'No representation matches the Accept headers.', false),
  info(408, 'The server gave up waiting for the request.', true),
  info(409, 'The request conflicts with the current state, e.g. no stock left.', false),
  info(410, 'The resource existed but was removed for good.', false),
  info(411, 'The server requires a Content-Length.', false),
  info(412, 'An If-Match or similar precondition did not hold.', false),
  info(413, 'The request body is larger than the server accepts.', false),
  info(414, 'The request target is longer than the server accepts.', false),
  info(415, 'The body is in a format the server does not take.', false),
  info(416, 'The requested range lies outside the resource.', false),
  info(417, 'The Expect header cannot be met.', false),
  info(421, 'The request reached a server that cannot answer for this origin.', true),
  info(422, 'Well-formed but semantically invalid, e.g. a checksum mismatch.', false),
  info(423, 'The resource is locked (WebDAV); it may be free later.', true),
  info(424, 'Not performed because an action it depends on failed.', false),
  info(425, 'The server will not risk processing a replayable early request.', true),
  info(426, 'The client must switch to another protocol.', false),
  info(428, 'The server requires a conditional request.', false),
  info(429, 'Rate limited; retry after the time the server names.', true),
  info(431, 'The headers are too large.', false),
  info(451, 'Access is denied for legal reasons.', false),
  info(500, 'The server hit an unexpected condition.', true),
  info(501, 'The server does not support this functionality.', false),
  info(502, 'An upstream server answered with something invalid.', true),
  info(503, 'Overloaded or down for maintenance; usually temporary.', true),
  info(504, 'An upstream server did not answer in time.', true),
  info(505, 'The server does not support this HTTP version.', false),
  info(506, 'The server is misconfigured for content negotiation.', false),
  info(507, 'The server cannot store what the request needs (WebDAV).', true),
  info(508, 'The server found an infinite loop while processing (WebDAV).', false),
  info(510, 'Further extensions to the request are required.', false),
  info(511, 'The client must authenticate to the network first.', false),
];

/**
 * Common 4xx/5xx codes, keyed by code: `STATUS_INFO[423].retryHelps` → `true`.
 * `Object.values(STATUS_INFO)` lists them in numeric order (what the status picker offers).
 */
export const STATUS_INFO: Readonly<Record<number, StatusInfo>> = Object.freeze(
  Object.fromEntries(TABLE.map((s) => [s.status, Object.freeze(s)])),
);

/** `statusInfo(503)` → its picker entry, or undefined for codes the picker does not list. */
export function statusInfo(status: number): StatusInfo | undefined {
  return Object.hasOwn(STATUS_INFO, status) ? STATUS_INFO[status] : undefined;
}
