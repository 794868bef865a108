import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { methodNames } from '../../shared/contract/index';
import { API_DOCS_FILE, renderApiDocs } from '../../scripts/api-docs-render';

describe('docs/api.md', () => {
  it('is what `npm run api:docs` generates from the schemas today', () => {
    expect(readFileSync(API_DOCS_FILE, 'utf8'), 'docs/api.md is stale: run npm run api:docs').toBe(renderApiDocs());
  });

  it('documents every method with its role and errors', () => {
    const doc = renderApiDocs();
    for (const name of methodNames) expect(doc).toContain(`## ${name}\n`);
    expect(doc).toContain('- Role: **manager**');
    expect(doc).toContain('`FORBIDDEN`');
  });
});
