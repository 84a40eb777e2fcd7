/**
 * Raw OTP key bytes (core layer, pure). Built so that an accidental leak fails loudly or carries
 * nothing: JSON.stringify throws, structured clone (IPC) yields `{}` because private fields are
 * not copied, and util.inspect / console.log print a redacted marker.
 */
export class InvalidSecretError extends Error {
  override readonly name = 'InvalidSecretError';
}

export class OtpSecret {
  readonly #bytes: Uint8Array;

  private constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
  }

  static fromBytes(bytes: Uint8Array): OtpSecret {
    if (bytes.length === 0) {
      throw new InvalidSecretError('empty secret');
    }
    return new OtpSecret(Uint8Array.from(bytes)); // own copy: the caller may wipe theirs
  }

  /** Number of key bytes; safe to show (it says how strong the key is, not what it is). */
  get byteLength(): number {
    return this.#bytes.length;
  }

  /** Lends the bytes for the duration of `fn`. Do not keep a reference to them. */
  use<T>(fn: (bytes: Uint8Array) => T): T {
    return fn(this.#bytes);
  }

  /** Constant-time-ish equality, for duplicate detection. */
  equals(other: OtpSecret): boolean {
    return other.use(theirs => {
      if (theirs.length !== this.#bytes.length) return false;
      let diff = 0;
      for (let i = 0; i < theirs.length; i++) diff |= (theirs[i] ?? 0) ^ (this.#bytes[i] ?? 0);
      return diff === 0;
    });
  }

  wipe(): void {
    this.#bytes.fill(0);
  }

  toJSON(): never {
    throw new Error('OtpSecret must never be serialized');
  }

  toString(): string {
    return 'OtpSecret(<redacted>)';
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return 'OtpSecret(<redacted>)';
  }
}
