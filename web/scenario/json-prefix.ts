// Whether a text that is not JSON is JSON cut off: correct as far as it goes, but ending before
// its object or list is closed. Tells "this file stops halfway" from "this is no JSON at all",
// the same in every browser (their JSON.parse messages differ). One pass, no recursion.

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);
const ESCAPES = new Set('"\\/bfnrtu'.split('').map((c) => c.charCodeAt(0)));
const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;
/** What a prefix of a number may look like (each complete number is one too). */
const NUMBER_PREFIX = /^-?(0|[1-9]\d*)?(\.\d*)?([eE][+-]?\d*)?$/;

/** What may come next. */
type Expect = 'value' | 'keyOrEnd' | 'key' | 'colon' | 'commaOrEnd' | 'valueOrEnd' | 'done';

/**
 * Whether `text` is a proper prefix of a JSON object or list: no error up to its end, and the
 * outermost object or list still open (or a string, number or word in it unfinished).
 */
export function isCutOffJson(text: string): boolean {
  let i = 0;
  const n = text.length;
  while (i < n && WS.has(text.charCodeAt(i))) i++;
  if (i === n || (text[i] !== '{' && text[i] !== '[')) return false;
  const stack: ('{' | '[')[] = [];
  let expect = 'value' as Expect;
  /** After a value: what the enclosing container wants next. */
  const afterValue = (): Expect => (stack.length === 0 ? 'done' : 'commaOrEnd');
  while (i < n) {
    const c = text.charCodeAt(i);
    if (WS.has(c)) {
      i++;
      continue;
    }
    const ch = text[i];
    if (expect === 'done') return false; // something after the complete value
    if (expect === 'colon') {
      if (ch !== ':') return false;
      expect = 'value';
      i++;
      continue;
    }
    if (expect === 'commaOrEnd') {
      const top = stack[stack.length - 1];
      if (ch === ',') expect = top === '{' ? 'key' : 'value';
      else if ((ch === '}' && top === '{') || (ch === ']' && top === '[')) {
        stack.pop();
        expect = afterValue();
      } else return false;
      i++;
      continue;
    }
    if ((expect === 'keyOrEnd' && ch === '}') || (expect === 'valueOrEnd' && ch === ']')) {
      stack.pop();
      expect = afterValue();
      i++;
      continue;
    }
    if (ch === '"') {
      // A string: a key or a value. Unfinished at the end is a prefix.
      let j = i + 1;
      for (;;) {
        if (j >= n) return true;
        const d = text.charCodeAt(j);
        if (d === 0x22) break;
        if (d < 0x20) return false;
        if (d === 0x5c) {
          if (j + 1 >= n) return true;
          if (!ESCAPES.has(text.charCodeAt(j + 1))) return false;
          j += 2;
        } else j++;
      }
      i = j + 1;
      if (expect === 'key' || expect === 'keyOrEnd') expect = 'colon';
      else expect = afterValue();
      continue;
    }
    if (expect === 'key' || expect === 'keyOrEnd') return false;
    // A value other than a string.
    if (ch === '{' || ch === '[') {
      stack.push(ch);
      expect = ch === '{' ? 'keyOrEnd' : 'valueOrEnd';
      i++;
      continue;
    }
    if (ch === 't' || ch === 'f' || ch === 'n') {
      const word = ch === 't' ? 'true' : ch === 'f' ? 'false' : 'null';
      const part = text.slice(i, i + word.length);
      if (!word.startsWith(part)) return false;
      if (part.length < word.length) return true; // the text ends inside the word
      i += word.length;
      expect = afterValue();
      continue;
    }
    if (ch === '-' || (c >= 0x30 && c <= 0x39)) {
      let j = i;
      while (j < n && /[-+.eE0-9]/.test(text[j])) j++;
      const num = text.slice(i, j);
      if (j >= n) return NUMBER_PREFIX.test(num);
      if (!NUMBER.test(num)) return false;
      i = j;
      expect = afterValue();
      continue;
    }
    return false;
  }
  return expect !== 'done';
}
