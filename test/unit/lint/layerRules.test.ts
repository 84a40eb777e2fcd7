/**
 * Each layer rule of eslint.layers.js, checked against a deliberately bad import (and a good
 * one), so a typo in a glob cannot silently switch a rule off.
 */
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { layerRules } from '../../../eslint.layers.js';

const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfigFile: true,
  overrideConfig: [
    {
      files: ['**/*.ts', '**/*.tsx'],
      languageOptions: { parser: tseslint.parser },
      plugins: { '@typescript-eslint': tseslint.plugin },
    },
    ...layerRules,
  ],
});

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map(
    message => `${message.ruleId ?? 'parse'}: ${message.message}`,
  );
}

const bad: [string, string, RegExp][] = [
  ['main/core/otp/x.ts', "import { app } from 'electron';", /no-restricted-imports/],
  ['main/core/otp/x.ts', "import keytar from 'keytar';", /no-restricted-imports/],
  ['main/core/otp/x.ts', "import { readFileSync } from 'node:fs';", /no-restricted-imports/],
  ['main/core/otp/x.ts', "import { writeFile } from 'fs/promises';", /no-restricted-imports/],
  [
    'main/core/otp/x.ts',
    "import { DeviceService } from '../../services/deviceService';",
    /no-restricted-imports/,
  ],
  [
    'main/core/otp/x.ts',
    "import { FsVaultStore } from '../../node/fsVaultStore';",
    /no-restricted-imports/,
  ],
  ['main/core/otp/x.ts', 'export const t = Date.now();', /no-restricted-properties/],
  ['main/core/otp/x.ts', 'export const t = performance.now();', /no-restricted-properties/],
  ['main/core/otp/x.ts', 'export const t = new Date();', /no-restricted-syntax/],
  ['main/services/x.ts', "import { clipboard } from 'electron';", /no-restricted-imports/],
  [
    'main/services/x.ts',
    "import { KeytarSecretStore } from '../node/keytarSecretStore';",
    /no-restricted-imports/,
  ],
  ['main/ipc/x.ts', "import { ipcMain } from 'electron';", /no-restricted-imports/],
  ['main/node/x.ts', "import { app } from 'electron';", /no-restricted-imports/],
  ['main/cli/x.ts', "import { app } from 'electron';", /no-restricted-imports/],
  ['preload/bridge.ts', "import { ipcRenderer } from 'electron';", /no-restricted-imports/],
  ['preload/contract/x.ts', "import { readFileSync } from 'node:fs';", /no-restricted-imports/],
  [
    'preload/contract/x.ts',
    "import { DeviceService } from '../../main/services/deviceService';",
    /no-restricted-imports/,
  ],
  ['renderer/features/x.tsx', "import { ipcRenderer } from 'electron';", /no-restricted-imports/],
  ['renderer/features/x.tsx', "import { readFileSync } from 'node:fs';", /no-restricted-imports/],
  [
    'renderer/features/x.tsx',
    "import { totpAt } from '../../main/core/otp/codes';",
    /no-restricted-imports/,
  ],
  [
    'renderer/features/x.tsx',
    "import { contract } from '../../preload/contract/contract';",
    /no-restricted-imports/,
  ],
  [
    'renderer/features/x.tsx',
    "import { buildApi } from '../../preload/bridge';",
    /no-restricted-imports/,
  ],
];

const good: [string, string][] = [
  [
    'main/core/otp/x.ts',
    "import { z } from 'zod';\nexport const at = (nowMs: number) => new Date(nowMs);",
  ],
  ['main/services/x.ts', "import { totpAt } from '../core/otp/codes';"],
  ['main/electron/x.ts', "import { app } from 'electron';"],
  ['preload/index.ts', "import { contextBridge } from 'electron';"],
  ['renderer/features/x.tsx', "import type { DeviceView } from '../../preload/contract/contract';"],
];

describe('layer import rules', () => {
  it.each(bad)('%s: rejects %s', async (file, code, rule) => {
    const found = await problems(file, code);
    expect(
      found.some(p => rule.test(p)),
      found.join('\n') || 'no problem reported',
    ).toBe(true);
  });

  it.each(good)('%s: allows %s', async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
