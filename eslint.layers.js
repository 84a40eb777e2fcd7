// Layer import rules (DESIGN.md §2), shared by eslint.config.js and the test that checks each
// pattern against a deliberately bad import (test/unit/lint/layerRules.test.ts).
const electron = {
  name: 'electron',
  message: 'Only main/electron/** and preload/index.ts may import electron.',
};
const keytar = {
  name: 'keytar',
  message: 'Only main/node/** may use the keychain (through the SecretStore port).',
};
const fsNames = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises'].map(name => ({
  name,
  message: 'main/core is pure: file I/O belongs in main/node adapters.',
}));
const nodeBuiltins = {
  group: ['node:*'],
  message: 'This layer runs without Node (renderer / contract): no node:* imports.',
};
const mainFromRenderer = {
  group: ['**/main/**', '../main/*', '../../main/*'],
  message: 'The renderer talks to main only through window.tessera (the contract).',
};
const upperLayersFromCore = {
  group: [
    '**/services/**',
    '**/node/**',
    '**/electron/**',
    '**/ipc/**',
    '**/cli/**',
    'react',
    'react-dom',
  ],
  message:
    'main/core is the innermost layer: it imports nothing from services, ipc, node, electron or cli.',
};

/** @type {import('eslint').Linter.Config[]} */
export const layerRules = [
  {
    files: ['main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electron, keytar, ...fsNames], patterns: [upperLayersFromCore] },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Date',
          property: 'now',
          message: 'main/core reads no clock: take nowMs as a parameter.',
        },
        {
          object: 'performance',
          property: 'now',
          message: 'main/core reads no clock: take nowMs as a parameter.',
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'main/core reads no clock: take nowMs as a parameter.',
        },
      ],
    },
  },
  {
    files: ['main/services/**/*.ts', 'main/ipc/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electron, keytar],
          patterns: [
            {
              group: ['**/electron/**', '**/node/**', '**/cli/**'],
              message: 'Services and the IPC router depend on ports, not on adapters or glue.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/node/**/*.ts', 'main/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electron],
          patterns: [
            {
              group: ['**/electron/**'],
              message: 'Node adapters and the CLI run without Electron.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['preload/**/*.ts'],
    ignores: ['preload/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electron, keytar],
          patterns: [
            nodeBuiltins,
            {
              group: ['**/main/**'],
              message: 'The preload and the contract import nothing from main.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [electron, keytar],
          patterns: [
            nodeBuiltins,
            mainFromRenderer,
            {
              group: ['**/preload/**', '!**/preload/contract/*'],
              message:
                'The renderer uses window.tessera; it may import types from preload/contract only.',
            },
            {
              group: ['**/preload/contract/*'],
              allowTypeImports: true,
              message:
                'The renderer imports contract *types* only (import type …): values would bundle zod schemas meant for main.',
            },
          ],
        },
      ],
    },
  },
];
