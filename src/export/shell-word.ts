/**
 * A POSIX shell word: `shellWord("it's")` → `'it'\''s'`. Single quotes keep everything literal
 * (POSIX "Shell Command Language" §2.2.2); a `'` inside closes the quote, adds `\'`, and reopens it.
 */
export function shellWord(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
