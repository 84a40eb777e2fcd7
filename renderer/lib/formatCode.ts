/**
 * Grouping of one-time codes for display (renderer, pure): `123456` → `123 456`,
 * `12345678` → `1234 5678`. Never computes a code; main does that.
 */

/**
 * Splits a code into the groups shown on screen: up to 4 characters stay whole; 5 to 8 split
 * into two halves (the first one shorter when odd: `123 4567`); longer codes split into
 * threes from the left. Surrounding white space is ignored.
 */
export function groupCode(code: string): string[] {
  const text = code.trim();
  if (text.length <= 4) {
    return text === '' ? [] : [text];
  }
  if (text.length <= 8) {
    const head = Math.floor(text.length / 2);
    return [text.slice(0, head), text.slice(head)];
  }
  const groups: string[] = [];
  for (let start = 0; start < text.length; start += 3) {
    groups.push(text.slice(start, start + 3));
  }
  return groups;
}

/** The code as people read it aloud: groups separated by one space (`123 456`). */
export function formatCode(code: string): string {
  return groupCode(code).join(' ');
}
