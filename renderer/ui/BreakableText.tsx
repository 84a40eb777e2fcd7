/**
 * Text that may wrap after `@ . _ - / :` (renderer UI): e-mail addresses and device names
 * have no spaces, and breaking them at a separator reads better than mid-word.
 */
import { Fragment } from 'react';

export function BreakableText({ text }: { readonly text: string }) {
  // An e-mail address breaks after its "@" only (`alice.liddell@` / `example.com`), never
  // inside the domain; CSS still breaks anywhere as a last resort for very long parts.
  const parts = text.split(text.includes('@') ? /(?<=@)/u : /(?<=[@._\-/:])/u);
  return parts.map((part, index) => (
    <Fragment key={index}>
      {index > 0 && <wbr />}
      {part}
    </Fragment>
  ));
}
