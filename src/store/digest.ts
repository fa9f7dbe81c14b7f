/**
 * A 53-bit digest of `text`, in base 36 (cyrb53, public domain: two 32-bit multiplicative hashes
 * combined). For telling apart texts this app wrote itself (a scenario kept for a reload, a link
 * shown in the address bar) without storing them again; not a cryptographic hash.
 *
 * @example
 * digest53('#r1.AAAA') // → a string of at most 11 base-36 digits, the same on every call
 */
export function digest53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
