/** The counter's pages in navigation order; Alt+1…Alt+7 follow this order. */
export const counterPages = ['enrol', 'redeem', 'stock', 'lists', 'reports', 'sync', 'settings'] as const;
export type CounterPage = (typeof counterPages)[number];

export function pageShortcut(page: CounterPage): string {
  return `Alt+${counterPages.indexOf(page) + 1}`;
}
