// HTTP reason phrases (the IANA registry: RFC 9110, plus WebDAV's 422/423/424/507/508 from RFC
// 4918/5842), apart from the status picker's table (http-status.ts): the canvas's marks need only
// the phrases, so the meanings stay out of the main chunk (issue #15).

/** The codes the status picker lists (http-status.ts `STATUS_INFO`), with their reason phrases: `STATUS_REASONS[423].reason` → `"Locked"`. */
export const STATUS_REASONS: Readonly<Record<number, { status: number; reason: string }>> = Object.freeze(
  Object.fromEntries(
    (
      [
        [400, 'Bad Request'],
        [401, 'Unauthorized'],
        [402, 'Payment Required'],
        [403, 'Forbidden'],
        [404, 'Not Found'],
        [405, 'Method Not Allowed'],
        [406, 'Not Acceptable'],
        [408, 'Request Timeout'],
        [409, 'Conflict'],
        [410, 'Gone'],
        [411, 'Length Required'],
        [412, 'Precondition Failed'],
        [413, 'Content Too Large'],
        [414, 'URI Too Long'],
        [415, 'Unsupported Media Type'],
        [416, 'Range Not Satisfiable'],
        [417, 'Expectation Failed'],
        [421, 'Misdirected Request'],
        [422, 'Unprocessable Content'],
        [423, 'Locked'],
        [424, 'Failed Dependency'],
        [425, 'Too Early'],
        [426, 'Upgrade Required'],
        [428, 'Precondition Required'],
        [429, 'Too Many Requests'],
        [431, 'Request Header Fields Too Large'],
        [451, 'Unavailable For Legal Reasons'],
        [500, 'Internal Server Error'],
        [501, 'Not Implemented'],
        [502, 'Bad Gateway'],
        [503, 'Service Unavailable'],
        [504, 'Gateway Timeout'],
        [505, 'HTTP Version Not Supported'],
        [506, 'Variant Also Negotiates'],
        [507, 'Insufficient Storage'],
        [508, 'Loop Detected'],
        [510, 'Not Extended'],
        [511, 'Network Authentication Required'],
      ] as const
    ).map(([status, reason]) => [status, Object.freeze({ status, reason })]),
  ),
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
  ...Object.values(STATUS_REASONS).map((s): [number, string] => [s.status, s.reason]),
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
