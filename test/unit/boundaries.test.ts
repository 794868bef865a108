import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// Lints a line of code as if it sat in a given folder, with the project's own config.
async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const config = (await new ESLint().calculateConfigForFile(filePath)) as { rules?: Record<string, unknown> };
  const rule = config.rules?.['no-restricted-imports'];
  if (rule === undefined) return [];
  // Only the boundary rule, without type information: the snippet is not part of any project.
  const only = new ESLint({
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts', '**/*.tsx'],
        languageOptions: { parser: tseslint.parser },
        rules: { 'no-restricted-imports': rule as Linter.RuleEntry },
      },
    ],
  });
  const [result] = await only.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('architecture boundaries are enforced by lint', () => {
  it.each([
    ['renderer/src/x.ts', "import { readFileSync } from 'node:fs';"],
    ['renderer/src/x.ts', "import { app } from 'electron';"],
    ['renderer/src/x.ts', "import { createCore } from '../../electron/core/core';"],
    ['shared/x/y.ts', "import { createHash } from 'crypto';"],
    ['shared/x/y.ts', "import Database from 'better-sqlite3';"],
    ['electron/core/x/y.ts', "import { app } from 'electron';"],
    ['electron/bridge/y.ts', "import { BrowserWindow } from 'electron';"],
    ['hq/src/y.ts', "import { openStore } from '../../electron/core/store/store';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).not.toEqual([]);
  });

  it.each([
    ['electron/main/x.ts', "import { app } from 'electron';"],
    ['electron/core/x/y.ts', "import { createHash } from 'node:crypto';"],
    ['renderer/src/x.ts', "import { contract } from '../../shared/contract/index';"],
  ])('%s may: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([]);
  });
});
