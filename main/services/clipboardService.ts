/**
 * Copying codes (services layer). Writes a code to the system clipboard and clears it after a
 * delay, but only if the clipboard still holds that code: whatever the user copied since is
 * theirs and is left alone. A seed goes through here only when the user asked to copy it
 * (SecretRevealService), and is cleared the same way (DESIGN.md §1.2).
 */
import type { Clipboard, TimerHandle, Timers } from '../core/ports';

export const DEFAULT_CLIPBOARD_CLEAR_MS = 30_000;

export type ClipboardWriteOutcome =
  | { readonly ok: true; readonly clearAfterMs: number | null }
  | { readonly ok: false; readonly message: string };

export class ClipboardService {
  #pending: { readonly text: string; readonly timer: TimerHandle } | undefined;

  constructor(
    private readonly clipboard: Clipboard,
    private readonly timers: Timers,
    private clearAfterMs: number | null = DEFAULT_CLIPBOARD_CLEAR_MS,
  ) {}

  setClearAfter(ms: number | null): void {
    this.clearAfterMs = ms;
  }

  async copyCode(code: string): Promise<ClipboardWriteOutcome> {
    if (this.#pending) this.timers.clearTimeout(this.#pending.timer);
    this.#pending = undefined;
    try {
      await this.clipboard.writeText(code);
    } catch {
      return {
        ok: false,
        message: 'The clipboard is not available right now: type the code shown instead.',
      };
    }
    const delay = this.clearAfterMs;
    if (delay !== null) {
      const timer = this.timers.setTimeout(() => {
        void this.#clearIfStillOurs(code);
      }, delay);
      this.#pending = { text: code, timer };
    }
    return { ok: true, clearAfterMs: delay };
  }

  /** Clears a pending code now (app quitting or locking), again only if it is still ours. */
  async flush(): Promise<void> {
    if (!this.#pending) return;
    this.timers.clearTimeout(this.#pending.timer);
    await this.#clearIfStillOurs(this.#pending.text);
  }

  async #clearIfStillOurs(code: string): Promise<void> {
    this.#pending = undefined;
    try {
      if ((await this.clipboard.readText()) === code) await this.clipboard.clear();
    } catch {
      // Nothing to do: a clipboard we cannot read is one we cannot clear either.
    }
  }
}
