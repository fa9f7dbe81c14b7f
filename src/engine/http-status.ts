// HTTP status codes as the engine and the UI's status picker talk about them. Reason phrases
// follow the IANA registry (RFC 9110, plus WebDAV's 422/423/424/507/508 from RFC 4918/5842).

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

function info(status: number, reason: string, meaning: string, retryHelps: boolean): StatusInfo {
  return { status, reason, meaning, retryHelps, selectable: status !== 424 };
}

const TABLE: readonly StatusInfo[] = [
  info(400, 'Bad Request', 'The request is malformed; the server will not process it as sent.', false),
  info(401, 'Unauthorized', 'The request lacks valid credentials.', false),
  info(402, 'Payment Required', 'Payment is needed first, e.g. a declined card.', false),
  info(403, 'Forbidden', 'The credentials are valid but not allowed to do this.', false),
  info(404, 'Not Found', 'The target resource does not exist (or is hidden).', false),
  info(405, 'Method Not Allowed', 'The resource does not support this method.', false),
  info(406, 'Not Acceptable', 'No representation matches the Accept headers.', false),
  info(408, 'Request Timeout', 'The server gave up waiting for the request.', true),
  info(409, 'Conflict', 'The request conflicts with the current state, e.g. no stock left.', false),
  info(410, 'Gone', 'The resource existed but was removed for good.', false),
  info(411, 'Length Required', 'The server requires a Content-Length.', false),
  info(412, 'Precondition Failed', 'An If-Match or similar precondition did not hold.', false),
  info(413, 'Content Too Large', 'The request body is larger than the server accepts.', false),
  info(414, 'URI Too Long', 'The request target is longer than the server accepts.', false),
  info(415, 'Unsupported Media Type', 'The body is in a format the server does not take.', false),
  info(416, 'Range Not Satisfiable', 'The requested range lies outside the resource.', false),
  info(417, 'Expectation Failed', 'The Expect header cannot be met.', false),
  info(421, 'Misdirected Request', 'The request reached a server that cannot answer for this origin.', true),
  info(422, 'Unprocessable Content', 'Well-formed but semantically invalid, e.g. a checksum mismatch.', false),
  info(423, 'Locked', 'The resource is locked (WebDAV); it may be free later.', true),
  info(424, 'Failed Dependency', 'Not performed because an action it depends on failed.', false),
  info(425, 'Too Early', 'The server will not risk processing a replayable early request.', true),
  info(426, 'Upgrade Required', 'The client must switch to another protocol.', false),
  info(428, 'Precondition Required', 'The server requires a conditional request.', false),
  info(429, 'Too Many Requests', 'Rate limited; retry after the time the server names.', true),
  info(431, 'Request Header Fields Too Large', 'The headers are too large.', false),
  info(451, 'Unavailable For Legal Reasons', 'Access is denied for legal reasons.', false),
  info(500, 'Internal Server Error', 'The server hit an unexpected condition.', true),
  info(501, 'Not Implemented', 'The server does not support this functionality.', false),
  info(502, 'Bad Gateway', 'An upstream server answered with something invalid.', true),
  info(503, 'Service Unavailable', 'Overloaded or down for maintenance; usually temporary.', true),
  info(504, 'Gateway Timeout', 'An upstream server did not answer in time.', true),
  info(505, 'HTTP Version Not Supported', 'The server does not support this HTTP version.', false),
  info(506, 'Variant Also Negotiates', 'The server is misconfigured for content negotiation.', false),
  info(507, 'Insufficient Storage', 'The server cannot store what the request needs (WebDAV).', true),
  info(508, 'Loop Detected', 'The server found an infinite loop while processing (WebDAV).', false),
  info(510, 'Not Extended', 'Further extensions to the request are required.', false),
  info(511, 'Network Authentication Required', 'The client must authenticate to the network first.', false),
];

/**
 * Common 4xx/5xx codes, keyed by code: `STATUS_INFO[423].retryHelps` → `true`.
 * `Object.values(STATUS_INFO)` lists them in numeric order (what the status picker offers).
 */
export const STATUS_INFO: Readonly<Record<number, StatusInfo>> = Object.freeze(
  Object.fromEntries(TABLE.map((s) => [s.status, Object.freeze(s)])),
);

const REASONS: ReadonlyMap<number, string> = new Map<number, string>([
  [100, 'Continue'],
  [101, 'Switching Protocols'],
  [200, 'OK'],
  [201, 'Created'],
  [202, 'Accepted'],
  [204, 'No Content'],
  [207, 'Multi-Status'],
  [301, 'Moved Permanently'],
  [302, 'Found'],
  [303, 'See Other'],
  [304, 'Not Modified'],
  [307, 'Temporary Redirect'],
  [308, 'Permanent Redirect'],
  [407, 'Proxy Authentication Required'],
  [418, "I'm a teapot"],
  ...TABLE.map((s): [number, string] => [s.status, s.reason]),
]);

/**
 * The reason phrase of a status: `reasonPhrase(424)` → `"Failed Dependency"`. Unregistered codes
 * get their class: `reasonPhrase(599)` → `"Server Error"`.
 */
export function reasonPhrase(status: number): string {
  const known = REASONS.get(status);
  if (known !== undefined) return known;
  if (status >= 500 && status <= 599) return 'Server Error';
  if (status >= 400 && status <= 499) return 'Client Error';
  return 'Unknown Status';
}

/** `statusInfo(503)` → its picker entry, or undefined for codes the picker does not list. */
export function statusInfo(status: number): StatusInfo | undefined {
  return Object.hasOwn(STATUS_INFO, status) ? STATUS_INFO[status] : undefined;
}
