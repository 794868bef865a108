import { test as base, expect } from '@playwright/test';

/**
 * Every test fails if the page logs an error or throws: a CSP violation, a failed
 * request or a React warning would otherwise pass unnoticed behind a green UI check.
 */
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      expect(errors, 'errors logged by the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
