import { describe, expect, it } from 'vitest';
import { tesseraHome } from '../../../main/node/paths';

describe('tesseraHome', () => {
  it('uses TESSERA_HOME on every platform when it is set', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(
        tesseraHome({ TESSERA_HOME: '/srv/tessera', APPDATA: 'C:\\x' }, platform, '/home/a'),
      ).toBe('/srv/tessera');
    }
  });

  it('ignores an empty TESSERA_HOME', () => {
    expect(tesseraHome({ TESSERA_HOME: '' }, 'linux', '/home/ada')).toBe(
      '/home/ada/.config/Tessera',
    );
  });

  it('uses ~/.config/Tessera on Linux when XDG_CONFIG_HOME is unset or empty', () => {
    expect(tesseraHome({}, 'linux', '/home/ada')).toBe('/home/ada/.config/Tessera');
    expect(tesseraHome({ XDG_CONFIG_HOME: '' }, 'linux', '/home/ada')).toBe(
      '/home/ada/.config/Tessera',
    );
  });

  it('uses $XDG_CONFIG_HOME/Tessera on Linux and other Unixes when it is set', () => {
    expect(tesseraHome({ XDG_CONFIG_HOME: '/xdg/config' }, 'linux', '/home/ada')).toBe(
      '/xdg/config/Tessera',
    );
    expect(tesseraHome({ XDG_CONFIG_HOME: '/xdg/config/' }, 'freebsd', '/home/ada')).toBe(
      '/xdg/config/Tessera',
    );
  });

  it('uses ~/Library/Application Support/Tessera on macOS, ignoring XDG_CONFIG_HOME', () => {
    expect(tesseraHome({ XDG_CONFIG_HOME: '/xdg' }, 'darwin', '/Users/ada')).toBe(
      '/Users/ada/Library/Application Support/Tessera',
    );
  });

  it('uses %APPDATA%\\Tessera on Windows', () => {
    expect(
      tesseraHome({ APPDATA: 'C:\\Users\\Ada\\AppData\\Roaming' }, 'win32', 'C:\\Users\\Ada'),
    ).toBe('C:\\Users\\Ada\\AppData\\Roaming\\Tessera');
  });

  it('falls back to <home>\\AppData\\Roaming\\Tessera on Windows when APPDATA is unset', () => {
    expect(tesseraHome({}, 'win32', 'C:\\Users\\Ada')).toBe(
      'C:\\Users\\Ada\\AppData\\Roaming\\Tessera',
    );
  });

  it('reads the process environment when called without arguments', () => {
    const saved = process.env.TESSERA_HOME;
    try {
      process.env.TESSERA_HOME = '/tmp/tessera-paths-test';
      expect(tesseraHome()).toBe('/tmp/tessera-paths-test');
    } finally {
      if (saved === undefined) delete process.env.TESSERA_HOME;
      else process.env.TESSERA_HOME = saved;
    }
  });
});
