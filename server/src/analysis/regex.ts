// Building regular expressions from names taken from code and configuration.

/** `text` with every character a regular expression gives a meaning to escaped, to match it literally. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
