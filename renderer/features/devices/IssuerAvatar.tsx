/**
 * The coloured initial at the start of a row (renderer, decorative): helps scanning a long
 * list. AWS devices show the AWS mark instead (the row says "AWS" to screen readers itself).
 */

const PALETTE_SIZE = 8;
const graphemes = new Intl.Segmenter();

function hue(issuer: string): number {
  let hash = 0;
  for (const char of issuer.toLocaleLowerCase()) {
    hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  }
  return hash % PALETTE_SIZE;
}

interface IssuerAvatarProps {
  readonly issuer: string;
  /** AWS devices get the AWS mark instead of an initial. */
  readonly aws: boolean;
}

export function IssuerAvatar({ issuer, aws }: IssuerAvatarProps) {
  if (aws) {
    return (
      <span className="avatar avatar--aws" aria-hidden="true" title="Amazon Web Services">
        aws
      </span>
    );
  }
  const first = graphemes.segment(issuer.trim())[Symbol.iterator]().next();
  const initial = first.done === true ? '?' : first.value.segment.toLocaleUpperCase();
  return (
    <span className={`avatar avatar--${hue(issuer.trim())}`} aria-hidden="true">
      {initial}
    </span>
  );
}
