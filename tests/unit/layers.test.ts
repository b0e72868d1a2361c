// The layer rules are real: a file that crosses a layer the wrong way fails the lint.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleViolations(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules', () => {
  it.each([
    ['electron/core/vault/bad.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['electron/core/diary/bad.ts', "import { startServer } from '../../server/server';\nexport const x = startServer;"],
    ['electron/shared/api/bad.ts', "import fs from 'node:fs';\nexport const x = fs;"],
    ['electron/server/bad.ts', "import { BrowserWindow } from 'electron';\nexport const x = BrowserWindow;"],
    ['electron/preload/bad.ts', "import { createCore } from '../core';\nexport const x = createCore;"],
    ['renderer/src/features/bad.tsx', "import fs from 'node:fs';\nexport const x = fs;"],
    ['renderer/src/features/bad2.tsx', "import { createCore } from '../../../electron/core';\nexport const x = createCore;"],
    ['renderer/src/features/bad3.tsx', "import Database from 'better-sqlite3-multiple-ciphers';\nexport const x = Database;"],
  ])('refuses the forbidden import in %s', async (filePath, code) => {
    expect(await ruleViolations(filePath, code)).not.toEqual([]);
  });

  it.each([
    ['electron/core/vault/good.ts', "import fs from 'node:fs';\nexport const x = fs;"],
    ['electron/main/good.ts', "import { app } from 'electron';\nimport { createCore } from '../core';\nexport const x = [app, createCore];"],
    ['renderer/src/features/good.tsx', "import { contract } from '@shared/api/contract';\nexport const x = contract;"],
  ])('allows what %s may import', async (filePath, code) => {
    expect(await ruleViolations(filePath, code)).toEqual([]);
  });
});
