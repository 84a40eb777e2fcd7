/**
 * Starts a private Xvfb server for a test (Debian package xvfb) on a display number the server
 * picks itself (`-displayfd`), so parallel tests and a desktop session never collide.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface Xvfb {
  /** e.g. ':101' */
  readonly display: string;
  stop(): Promise<void>;
}

export function startXvfb(size = { width: 1280, height: 800 }): Promise<Xvfb> {
  const child: ChildProcess = spawn(
    'Xvfb',
    ['-displayfd', '3', '-screen', '0', `${size.width}x${size.height}x24`, '-nolisten', 'tcp'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    let errors = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`Xvfb did not start in time: ${errors}`));
    }, 15_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.on('error', error => {
      clearTimeout(timer);
      reject(new Error(`Xvfb could not be started (Debian: apt install xvfb): ${error.message}`));
    });
    child.on('exit', code => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited (${String(code)}): ${errors}`));
    });
    const fd = child.stdio[3];
    fd?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes('\n')) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({
        display: `:${output.trim()}`,
        stop: () =>
          new Promise<void>(done => {
            if (child.exitCode !== null) {
              done();
              return;
            }
            child.once('exit', () => {
              done();
            });
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
