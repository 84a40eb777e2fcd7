/**
 * Text that may wrap after `@ . _ - / :` (renderer UI): e-mail addresses and device names
 * have no spaces, and breaking them at a separator reads better than mid-word.
 */
import { Fragment } from 'react';

export function BreakableText({ text }: { readonly text: string }) {
  const parts = text.split(/(?<=[@._\-/:])/u);
  return parts.map((part, index) => (
    <Fragment key={index}>
      {index > 0 && <wbr />}
      {part}
    </Fragment>
  ));
}
