import { performance } from 'node:perf_hooks';
import { constructTable, type SortingState } from '@tanstack/react-table';
import { storeReactivityBindings } from '@tanstack/table-core/store-reactivity-bindings';
import type { StockCategory, StockItemView } from '../shared/stock/schemas';
import { columnFiltersFor, stockGridFeatures, stockGridOptions, type StockGridFeatures } from '../renderer/src/stock/grid/model';
import { ms, printTable, ratio } from './support';

/**
 * The stock grid with 10,000 items (issue 4: "the stock grid stays responsive"): the time
 * TanStack Table takes to build its row model, to sort by each kind of column and to
 * filter by category + search text, using the grid's own model (features, columns, sort
 * and filter functions from renderer/src/stock/grid/model.ts), beside plain
 * Array.prototype.sort / filter doing the same comparisons on the same rows in this run.
 * Prints only; never fails on speed. BENCH_GRID_ITEMS changes the size.
 */
const ITEMS = Number(process.env.BENCH_GRID_ITEMS ?? 10_000);
const RUNS = 15;
const WARMUP = 3;

// ── the grid's model, as the screen uses it ───────────────────────────────────────────
// Core reactivity comes from table-core's store bindings here, where React supplies it on screen.
const benchFeatures = { ...stockGridFeatures, coreReactivityFeature: storeReactivityBindings() };
type BenchFeatures = StockGridFeatures;

// ── realistic rows ────────────────────────────────────────────────────────────────────
/** A small seeded generator, so every run measures the same rows. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PRODUCTS: readonly [StockCategory, string, string, string][] = [
  ['gift', '保温杯', 'Thermos cup', 'THERMOS'],
  ['gift', '晴雨伞', 'Umbrella', 'UMBRELLA'],
  ['gift', '充电宝', 'Power bank', 'POWERBANK'],
  ['gift', '电饭煲', 'Rice cooker', 'RICECOOKER'],
  ['gift', '蓝牙耳机', 'Bluetooth earbuds', 'EARBUDS'],
  ['gift', '英寸彩电', 'inch colour TV', 'TV'],
  ['gift', '空气炸锅', 'Air fryer', 'AIRFRYER'],
  ['gift', '电动牙刷', 'Electric toothbrush', 'TOOTHBRUSH'],
  ['gift', '毛巾礼盒', 'Towel gift box', 'TOWEL'],
  ['prize', '智能音箱', 'Smart speaker', 'SPK'],
  ['prize', '元话费充值卡', 'top-up card', 'CARD'],
  ['prize', '加湿器', 'Humidifier', 'HUMIDIFIER'],
  ['prize', '护眼台灯', 'Desk lamp', 'LAMP'],
  ['equipment', 'iTV机顶盒', 'iTV set-top box', 'STB'],
  ['equipment', 'e8-b光猫', 'e8-b modem', 'MODEM-E8B'],
  ['equipment', '千兆路由器', 'Gigabit router', 'ROUTER'],
  ['other', '宣传折页', 'Leaflet', 'LEAFLET'],
  ['other', '手机支架', 'Phone stand', 'STAND'],
];
const COLOURS = ['红色', '蓝色', '白色', '黑色', '灰色', '粉色'];
const NOW = Date.parse('2026-11-21T01:30:00.000Z');
const DAY = 86_400_000;

function stockRows(count: number): StockItemView[] {
  const random = seeded(20261121);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  return Array.from({ length: count }, (_, i) => {
    const [category, name, nameEn, code] = pick(PRODUCTS);
    const size = 20 + Math.floor(random() * 60);
    const onHand = Math.floor(random() ** 2 * 200);
    const lowThreshold = 2 + Math.floor(random() * 18);
    const equipment = category === 'equipment';
    return {
      sku: `${code}-${String(i).padStart(5, '0')}`,
      name: `${size}${name} ${pick(COLOURS)} ${i}号`,
      nameEn: `${size} ${nameEn} no. ${i}`,
      category,
      unitValueFen: 500 + Math.floor(random() * 300_000),
      serialTracked: equipment,
      onHand,
      display: random() < 0.2 ? 1 + Math.floor(random() * 2) : 0,
      lent: equipment ? Math.floor(random() * 50) : 0,
      lowThreshold,
      low: onHand <= lowThreshold,
      // One item in twenty has never moved (null sorts last, as on screen).
      lastMovementAt: random() < 0.05 ? null : new Date(NOW - Math.floor(random() * 120 * DAY)).toISOString(),
    };
  });
}

// ── timing ────────────────────────────────────────────────────────────────────────────
function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Median of RUNS timed calls after WARMUP untimed ones; `run(i)` must do fresh work each time. */
function measure(run: (i: number) => unknown): number {
  for (let i = 0; i < WARMUP; i++) run(i);
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    run(WARMUP + i);
    samples.push(performance.now() - started);
  }
  return median(samples);
}

// The baseline compares exactly as the grid's sort functions do (model.ts).
const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });
const CATEGORY_ORDER: readonly StockCategory[] = ['gift', 'prize', 'equipment', 'other'];
function byLastMovement(a: StockItemView, b: StockItemView, desc: boolean): number {
  if (a.lastMovementAt === null || b.lastMovementAt === null) {
    return a.lastMovementAt === b.lastMovementAt ? 0 : a.lastMovementAt === null ? 1 : -1;
  }
  const order = a.lastMovementAt < b.lastMovementAt ? -1 : a.lastMovementAt > b.lastMovementAt ? 1 : 0;
  return desc ? -order : order;
}

const SORTS: readonly { column: string; kind: string; compare: (a: StockItemView, b: StockItemView, desc: boolean) => number }[] = [
  { column: 'item', kind: 'text (pinyin collation)', compare: (a, b, desc) => (desc ? -1 : 1) * collator.compare(a.name, b.name) },
  {
    column: 'category',
    kind: 'enum (category order)',
    compare: (a, b, desc) => (desc ? -1 : 1) * (CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category)),
  },
  { column: 'onHand', kind: 'number', compare: (a, b, desc) => (desc ? -1 : 1) * (a.onHand - b.onHand) },
  { column: 'lastMovementAt', kind: 'date-time (never last)', compare: byLastMovement },
];

const SEARCHES = ['保温', '彩电', 'modem', 'card', '蓝色', 'TV-0'];

function main(): void {
  const data = stockRows(ITEMS);
  console.log(`stock grid: ${ITEMS.toLocaleString('en')} items, median of ${RUNS} runs after ${WARMUP} warm-up runs`);

  const build = (): ReturnType<typeof constructTable<BenchFeatures, StockItemView>> =>
    constructTable<BenchFeatures, StockItemView>({ ...stockGridOptions, features: benchFeatures, data });

  const rows: string[][] = [['', 'table model', 'plain array', 'ratio']];

  // Building: the table's core row model (a Row per item) against wrapping each item once.
  const buildTable = measure(() => build().getRowModel().rows.length);
  const buildPlain = measure(() => data.map((original, index) => ({ id: original.sku, index, original })).length);
  rows.push(['build row model', ms(buildTable), ms(buildPlain), ratio(buildTable, buildPlain)]);

  const table = build();
  table.getRowModel();
  const setSorting = (sorting: SortingState): void => table.setSorting(sorting);
  for (const sort of SORTS) {
    // Alternating the direction makes every timed run a fresh sort rather than a cached model.
    const ours = measure((i) => {
      setSorting([{ id: sort.column, desc: i % 2 === 1 }]);
      return table.getRowModel().rows.length;
    });
    const plain = measure((i) => [...data].sort((a, b) => sort.compare(a, b, i % 2 === 1)).length);
    rows.push([`sort by ${sort.column}: ${sort.kind}`, ms(ours), ms(plain), ratio(ours, plain)]);
  }
  setSorting([]);

  // Filtering: category + search text, as the toolbar sets them (a new search each run).
  const haystack = new Map<StockItemView, string>();
  const textOf = (item: StockItemView): string => {
    let text = haystack.get(item);
    if (text === undefined) {
      text = `${item.name}\n${item.nameEn ?? ''}\n${item.sku}`.toLowerCase();
      haystack.set(item, text);
    }
    return text;
  };
  const filterOurs = measure((i) => {
    const search = SEARCHES[i % SEARCHES.length] ?? '';
    table.setColumnFilters(columnFiltersFor({ search, category: i % 2 === 0 ? 'gift' : 'equipment', lowOnly: false }));
    table.setGlobalFilter(search);
    return table.getRowModel().rows.length;
  });
  const filterPlain = measure((i) => {
    const search = (SEARCHES[i % SEARCHES.length] ?? '').toLowerCase();
    const category = i % 2 === 0 ? 'gift' : 'equipment';
    return data.filter((item) => item.category === category && textOf(item).includes(search)).length;
  });
  rows.push(['filter: category + search', ms(filterOurs), ms(filterPlain), ratio(filterOurs, filterPlain)]);

  // Everything at once, as a manager works: low stock only, a category, a search, sorted by on-hand.
  const comboOurs = measure((i) => {
    const search = SEARCHES[i % SEARCHES.length] ?? '';
    table.setColumnFilters(columnFiltersFor({ search, category: 'gift', lowOnly: true }));
    table.setGlobalFilter(search);
    setSorting([{ id: 'onHand', desc: i % 2 === 1 }]);
    return table.getRowModel().rows.length;
  });
  const comboPlain = measure((i) => {
    const search = (SEARCHES[i % SEARCHES.length] ?? '').toLowerCase();
    return data
      .filter((item) => item.category === 'gift' && item.low && textOf(item).includes(search))
      .sort((a, b) => (i % 2 === 1 ? b.onHand - a.onHand : a.onHand - b.onHand)).length;
  });
  rows.push(['low only + category + search, sorted', ms(comboOurs), ms(comboPlain), ratio(comboOurs, comboPlain)]);

  printTable('Stock grid row models (TanStack Table v9, the grid’s model) vs plain Array sort/filter', rows);
  console.log('\n  A frame is 16.7 ms: a sort or filter below that keeps typing and clicking smooth; only the rows in view are rendered.');
}

main();
