import { formatYuan } from '../../../shared/money/fen';
import type { SlipLine } from '../../../shared/slips/slip';
import { shanghaiDateTime } from '../../../shared/time/shanghai';

/** 12,800: points read like money at the counter. */
export function formatPoints(points: number): string {
  return String(points).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A slip's time is the hall's time: Asia/Shanghai, whatever the PC's time zone. */
export function slipTime(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : shanghaiDateTime(at);
}

/** The right-hand figures of a given/taken line: quantity, money, points, as present. */
export function lineFigures(line: SlipLine): string[] {
  const figures: string[] = [];
  if (line.quantity !== undefined) figures.push(`×${line.quantity}`);
  if (line.valueFen !== undefined) figures.push(formatYuan(line.valueFen));
  if (line.points !== undefined) figures.push(`${formatPoints(line.points)} 积分`);
  return figures;
}
