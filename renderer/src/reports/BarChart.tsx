import { useId } from 'react';

export interface Bar {
  key: string;
  label: string;
  /** The full name, when the label is a short form of it. */
  title?: string;
  value: number;
  /** A second kind stacked after the first (e.g. units lent after units handed over); included in `value`. */
  second?: number;
  /** Shown after the value, e.g. how it splits. */
  detail?: string;
}

interface BarChartProps {
  title: string;
  bars: readonly Bar[];
  empty: string;
  testId: string;
  /** Names of the two stacked kinds, when bars have a second part. */
  legend?: readonly [string, string];
}

/**
 * Horizontal bars, one per line, longest = the largest value. Labels and figures are
 * HTML text; each bar is an SVG rect whose width is an attribute, so nothing needs an
 * inline style (the CSP allows none).
 */
export function BarChart({ title, bars, empty, testId, legend }: BarChartProps) {
  const id = useId();
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <figure className="chart" aria-labelledby={`${id}-title`} data-testid={testId}>
      <figcaption id={`${id}-title`} className="chart__title">
        {title}
        {legend && (
          <span className="chart__legend">
            <span className="chart__key">{legend[0]}</span>
            <span className="chart__key chart__key--second">{legend[1]}</span>
          </span>
        )}
      </figcaption>
      {bars.length === 0 ? (
        <p className="chart__empty">{empty}</p>
      ) : (
        <ul className="chart__bars">
          {bars.map((bar) => {
            const second = bar.second ?? 0;
            const first = bar.value - second;
            return (
              <li key={bar.key} className="chart__row" data-key={bar.key} title={bar.detail ? `${bar.title ?? bar.label}：${bar.detail}` : bar.title}>
                <span className="chart__label">{bar.label}</span>
                <svg className="chart__track" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                  <rect className="chart__bar" x="0" y="0" height="10" width={(first / max) * 100} />
                  {second > 0 && <rect className="chart__bar chart__bar--second" x={(first / max) * 100} y="0" height="10" width={(second / max) * 100} />}
                </svg>
                <span className="chart__value">{bar.value}</span>
                {bar.detail && <span className="chart__detail">{bar.detail}</span>}
              </li>
            );
          })}
        </ul>
      )}
    </figure>
  );
}
