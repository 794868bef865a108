import { afterEach, describe, expect, it } from 'vitest';
import { commitAction } from '../../electron/core/context';
import { databaseDigest, openTestCounter, type TestCounter } from '../support/core';

/**
 * The outbox holds only what HQ will accept: an event off its schema is caught in the
 * action that writes it (the whole action rolls back), not rejected by HQ days later.
 */
let counter: TestCounter | undefined;
afterEach(() => {
  counter?.close();
  counter = undefined;
});

const actor = { kind: 'system', name: 'test' } as const;

describe('the outbox checks every event against its schema', () => {
  it('accepts a payload that matches, and refuses an unknown type or a payload off schema with no trace', () => {
    counter = openTestCounter();
    const { ctx } = counter.core;
    const event = { phone: '13800138000', name: '王芳', idHash: 'h', idLast4: '123X', tenureStart: '2026-11-21', birthday: null };
    const outboxSize = () => (ctx.store.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
    const before = outboxSize();

    commitAction(ctx, actor, () => ({ result: null, audit: { action: 'customer.register', subject: 'customer:13800138000' }, event: { type: 'customer.registered', payload: event } }));
    expect(outboxSize()).toBe(before + 1);

    const digest = databaseDigest(counter.core.dbFile);
    expect(() =>
      commitAction(ctx, actor, () => ({ result: null, audit: { action: 'x', subject: 'x' }, event: { type: 'customer.renamed', payload: {} } })),
    ).toThrow(/customer\.renamed is not in shared\/sync\/events\.ts/);
    expect(() =>
      commitAction(ctx, actor, () => ({
        result: null,
        audit: { action: 'customer.register', subject: 'customer:13800138001' },
        event: { type: 'customer.registered', payload: { ...event, phone: '' } },
      })),
    ).toThrow(/customer\.registered payload does not match its schema at phone/);
    expect(databaseDigest(counter.core.dbFile)).toBe(digest);
  });
});
