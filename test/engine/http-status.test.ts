import { reasonPhrase, STATUS_INFO, statusInfo } from '../../src/engine/http-status.ts';

describe('HTTP status reference', () => {
  it('reason phrases, WebDAV codes included', () => {
    expect(reasonPhrase(200)).toBe('OK');
    expect(reasonPhrase(207)).toBe('Multi-Status');
    expect(reasonPhrase(402)).toBe('Payment Required');
    expect(reasonPhrase(422)).toBe('Unprocessable Content');
    expect(reasonPhrase(423)).toBe('Locked');
    expect(reasonPhrase(424)).toBe('Failed Dependency');
    expect(reasonPhrase(504)).toBe('Gateway Timeout');
    expect(reasonPhrase(507)).toBe('Insufficient Storage');
  });

  it('unregistered codes get their class', () => {
    expect(reasonPhrase(499)).toBe('Client Error');
    expect(reasonPhrase(599)).toBe('Server Error');
    expect(reasonPhrase(99)).toBe('Unknown Status');
  });

  it('STATUS_INFO: every entry has a phrase, a one-line meaning and whether a retry can help', () => {
    const list = Object.values(STATUS_INFO);
    expect(list.length).toBeGreaterThan(30);
    expect(list.map((s) => s.status)).toEqual([...list.map((s) => s.status)].sort((a, b) => a - b));
    for (const s of list) {
      expect(s.status).toBeGreaterThanOrEqual(400);
      expect(s.status).toBeLessThanOrEqual(599);
      expect(s.reason).toBe(reasonPhrase(s.status));
      expect(s.meaning).toMatch(/^[A-Z].*\.$/);
      expect(typeof s.retryHelps).toBe('boolean');
    }
    expect(STATUS_INFO[503].retryHelps).toBe(true);
    expect(STATUS_INFO[402].retryHelps).toBe(false);
    expect(STATUS_INFO[423].retryHelps).toBe(true);
  });

  it('424 is listed but not selectable as a failure: the engine answers it itself', () => {
    expect(STATUS_INFO[424].selectable).toBe(false);
    expect(Object.values(STATUS_INFO).filter((s) => !s.selectable)).toHaveLength(1);
    expect(statusInfo(424)?.reason).toBe('Failed Dependency');
    expect(statusInfo(299)).toBeUndefined();
  });
});
