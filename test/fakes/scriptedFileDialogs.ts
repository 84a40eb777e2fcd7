/** FileDialogs answered by the test (fake): the next path to open or save, or a cancel. */
import type { FileDialogs, SaveRequest } from '../../main/core/filePorts';

export class ScriptedFileDialogs implements FileDialogs {
  /** What the next dialog returns; undefined = the user cancels. */
  openPath: string | undefined;
  savePath: string | undefined;
  readonly saveRequests: SaveRequest[] = [];

  chooseOpen(): Promise<string | undefined> {
    return Promise.resolve(this.openPath);
  }

  chooseSave(request: SaveRequest): Promise<string | undefined> {
    this.saveRequests.push(request);
    return Promise.resolve(this.savePath);
  }
}
