/** Sentences of the device list (renderer, pure). */

/** After copying a code in its last seconds (and when the clipboard clears, if it does). */
export function expiringCopiedMessage(secondsLeft: number, clearAfterMs: number | null): string {
  const clears =
    clearAfterMs === null
      ? ''
      : `; clipboard clears in ${Math.max(1, Math.round(clearAfterMs / 1000))} s`;
  return `Copied, but this code expires in ${Math.max(1, secondsLeft)} s${clears}`;
}

/** The notice under a row whose code was copied in its last seconds. */
export function expiringNoticeText(secondsLeft: number): string {
  return secondsLeft > 0
    ? `Copied a code that expires in ${secondsLeft} s — it may be refused if you submit it late.`
    : 'The code you copied has expired.';
}
