/**
 * The clerk types yuan; the core takes fen. The text is converted digit by digit, never
 * through a float: "1,299.9" is 129990 fen exactly, and a third decimal is refused rather
 * than rounded (a slip that is off by a fen is a complaint).
 */
export type YuanParse = { ok: true; fen: number } | { ok: false; problem: 'empty' | 'format' | 'tooLarge' };

const MAX_YUAN_DIGITS = 8; // up to ¥99,999,999.99: far beyond any counter payment

export function parseYuan(text: string): YuanParse {
  const cleaned = text.trim().replace(/^[¥￥]/, '').replace(/元$/, '').replace(/[,，\s]/g, '');
  if (cleaned === '') return { ok: false, problem: 'empty' };
  const match = /^(\d+)(?:\.(\d{0,2}))?$/.exec(cleaned);
  if (!match) return { ok: false, problem: 'format' };
  const yuan = (match[1] ?? '').replace(/^0+(?=\d)/, '');
  if (yuan.length > MAX_YUAN_DIGITS) return { ok: false, problem: 'tooLarge' };
  const cents = (match[2] ?? '').padEnd(2, '0');
  return { ok: true, fen: Number(yuan) * 100 + Number(cents) };
}
