/**
 * JSON object text from entries, in their order. A plain object would move keys that look like
 * integers (`"1"`) to the front and treat `__proto__` as its prototype rather than a key, so
 * maps keyed by user data (filenames) are written with this instead.
 */
export function orderedObjectJson(entries: Iterable<readonly [string, string]>): string {
  const parts: string[] = [];
  for (const [key, value] of entries) {
    parts.push(`${JSON.stringify(key)}:${JSON.stringify(value)}`);
  }
  return `{${parts.join(',')}}`;
}

/** `head` (an object's JSON text) with one more key appended, whose value is JSON text already. */
export function appendJsonMember(head: string, key: string, valueJson: string): string {
  return head === '{}'
    ? `{${JSON.stringify(key)}:${valueJson}}`
    : `${head.slice(0, -1)},${JSON.stringify(key)}:${valueJson}}`;
}
