import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contract, methodNames } from '../../shared/contract/index';
import { registries } from '../../scripts/registries';

describe('generated registries', () => {
  it.each(registries.map((r) => [r.file.replace(/^.*\/(electron|shared)\//, '$1/'), r] as const))(
    '%s is what `npm run gen` writes today',
    (_name, registry) => {
      expect(readFileSync(registry.file, 'utf8'), `${registry.file} is stale: run npm run gen`).toBe(registry.render());
    },
  );

  it('lists exactly the contract methods for the preload', () => {
    expect([...methodNames]).toEqual(Object.keys(contract));
  });
});
