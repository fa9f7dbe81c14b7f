import { describe, expect, test } from 'vitest';
import { isAnchorFragment, linkFragment } from '../../../src/scenario/intake/link-fragment.ts';

describe('a link in the address bar, or an in-page anchor', () => {
  test('a scenario link, whole or damaged, is a link', () => {
    expect(linkFragment('https://ripple.example/#r1.AbC-_')).toBe('r1.AbC-_');
    expect(linkFragment('https://ripple.example/#r1')).toBe('r1');
    expect(linkFragment('https://ripple.example/#%%%garbage')).toBe('%%%garbage');
  });

  test('no fragment, an empty one, or a skip link’s anchor is not', () => {
    expect(linkFragment('https://ripple.example/')).toBeNull();
    expect(linkFragment('https://ripple.example/#')).toBeNull();
    expect(linkFragment('https://ripple.example/#side-panel')).toBeNull();
    expect(isAnchorFragment('main')).toBe(true);
    expect(isAnchorFragment('r12')).toBe(false);
    expect(isAnchorFragment(`a${'b'.repeat(64)}`)).toBe(false);
  });
});
