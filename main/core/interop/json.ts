/**
 * Bounded JSON reading for imports (core, pure), HOSTILE-INPUTS #34: the size is checked before
 * decoding, the nesting depth before JSON.parse, and a UTF-8 BOM is tolerated (#35).
 */
import { MAX_IMPORT_BYTES } from './types';

export const MAX_JSON_DEPTH = 64;

export type JsonOutcome =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly reason: 'too-large' | 'malformed'; readonly message: string };

/** Decodes UTF-8 strictly (a BOM is dropped); undefined when the bytes are not UTF-8. */
export function utf8Text(bytes: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return text;
  } catch {
    return undefined;
  }
}

/** Deepest bracket nesting outside strings; stops counting (returns > max) as soon as it exceeds. */
function nestingDepth(text: string, max: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > max) return deepest;
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

export function parseJsonBytes(bytes: Uint8Array, maxBytes = MAX_IMPORT_BYTES): JsonOutcome {
  if (bytes.length > maxBytes) {
    return {
      ok: false,
      reason: 'too-large',
      message: `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB, far more than any export of this kind.`,
    };
  }
  const text = utf8Text(bytes);
  if (text === undefined) {
    return { ok: false, reason: 'malformed', message: 'The file is not UTF-8 text.' };
  }
  return parseJsonText(text);
}

export function parseJsonText(text: string): JsonOutcome {
  if (nestingDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    return {
      ok: false,
      reason: 'too-large',
      message: 'The file is nested far deeper than any export.',
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return {
      ok: false,
      reason: 'malformed',
      message: 'The file is not valid JSON: it may be truncated or damaged.',
    };
  }
}
