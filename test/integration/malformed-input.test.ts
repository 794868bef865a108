import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, methodNames } from '../../shared/contract/index';
import { databaseDigest, loginAs, openTestCounter, type TestCounter } from '../support/core';
import { malformedInputs } from '../support/malformed';

let counter: TestCounter;
let session: string;

beforeAll(async () => {
  counter = openTestCounter();
  // A manager session, so that every method's role check passes and validation is what answers.
  const manager = await loginAs(counter.client(), '8001');
  session = manager.session ?? '';
});
afterAll(() => counter.close());

describe('every contract method refuses malformed input and changes nothing', () => {
  it.each(methodNames)('%s', async (name) => {
    const before = databaseDigest(counter.core.dbFile);
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(malformedInputs(contract[name]), async (input) => {
        tried++;
        const result = await counter.core.dispatch(name, { session, input });
        expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      }),
      { numRuns: 60 },
    );
    expect(tried).toBeGreaterThanOrEqual(60);
    expect(databaseDigest(counter.core.dbFile)).toBe(before);
  });

  it('refuses a malformed envelope whatever the method', async () => {
    const before = databaseDigest(counter.core.dbFile);
    for (const envelope of [null, 42, 'x', [], { input: {}, extra: 1 }, { session: 7, input: {} }]) {
      const result = await counter.core.dispatch('staff.create', envelope);
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(await counter.core.dispatch('constructor', { input: {} })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await counter.core.dispatch('__proto__', { input: {} })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(databaseDigest(counter.core.dbFile)).toBe(before);
  });
});
