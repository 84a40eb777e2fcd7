/**
 * The harness's clipboard: headless Chromium on a CI box has no system clipboard to share with
 * Node, so main's writes land here, where tests read them. Main-side code is unchanged.
 */
import type { Clipboard } from '../../main/core/ports';

export class RecordingClipboard implements Clipboard {
  #text = '';
  readonly writes: string[] = [];

  writeText(text: string): Promise<void> {
    this.#text = text;
    this.writes.push(text);
    return Promise.resolve();
  }

  readText(): Promise<string> {
    return Promise.resolve(this.#text);
  }

  clear(): Promise<void> {
    this.#text = '';
    return Promise.resolve();
  }

  get text(): string {
    return this.#text;
  }
}
