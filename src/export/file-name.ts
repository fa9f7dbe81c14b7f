// Download names, apart from the exporters so the editor's first chunk can name a file
// without loading every exporter.

/** `fileBase('Payment fails!')` → `payment-fails`: a plain name for downloads. */
export function fileBase(title: string): string {
  const base = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '') // `ü` → `u` + U+0308 → `u`
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return base || 'scenario';
}
