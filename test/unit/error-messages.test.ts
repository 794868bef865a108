import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeError } from '../../renderer/src/api/describeError';
import { en } from '../../renderer/src/i18n/en';
import { zhCN } from '../../renderer/src/i18n/zh-CN';
import { errorCodes, type ApiError } from '../../shared/contract/errors';

const CJK = /[\u4e00-\u9fff]/;
const sentences: Record<'zh-CN' | 'en', Record<string, string>> = { 'zh-CN': zhCN.errors, en: en.errors };

beforeAll(async () => {
  await i18next.init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: 'zh-CN',
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
});

function said(error: ApiError, language: 'zh-CN' | 'en'): string {
  void i18next.changeLanguage(language);
  return describeError(error);
}

describe('the shared error sentences (errors.* in renderer/src/i18n)', () => {
  it.each(errorCodes)('%s has its own sentence in Chinese and in English', (code) => {
    const zh = sentences['zh-CN'][code];
    const english = sentences.en[code];
    expect(zh, `zh-CN errors.${code}`).toMatch(CJK);
    expect(english, `en errors.${code}`).toMatch(/^[A-Z]/);
    expect(english).not.toMatch(CJK);
    // Said without any details: a screen that does not special-case the code still shows it when
    // the core said nothing the clerk can read (no message, or a library's English one) …
    expect(said({ code, message: '' }, 'zh-CN')).toBe(zh);
    expect(said({ code, message: 'Invalid input' }, 'zh-CN')).toBe(zh);
    expect(said({ code, message: '核心的原话' }, 'en')).toBe(english);
    // … and the core's own Chinese words, which say exactly what happened, when it did.
    expect(said({ code, message: '该体验已取消，无需重复办理' }, 'zh-CN')).toBe('该体验已取消，无需重复办理');
  });

  it('keys every detail variant to a stable code', () => {
    for (const key of Object.keys(zhCN.errors)) expect(errorCodes.some((code) => key === code || key.startsWith(`${code}_`)), key).toBe(true);
  });
});

describe('describeError', () => {
  it('fills the generic business sentences in with the details the answer carries', () => {
    const stock: ApiError = { code: 'INSUFFICIENT_STOCK', message: '保温杯在库数量不足：现有 2，需要 3', details: { sku: 'GIFT-THERMOS', have: 2, need: 3 } };
    expect(said(stock, 'zh-CN')).toBe('库存不足：现有 2，需要 3；请减少数量，或请店长调拨、入库后再办理');
    expect(said(stock, 'en')).toBe('Not enough stock: 2 in hand, 3 needed; lower the quantity, or ask the manager to receive or transfer more first');
    const points: ApiError = { code: 'INSUFFICIENT_POINTS', message: '积分不足', details: { available: 1200, needed: 2000 } };
    expect(said(points, 'zh-CN')).toBe('客户积分不足：可用 1200 分，需要 2000 分；请减少兑换数量或改选其他商品');
    const limit: ApiError = { code: 'LIMIT_EXCEEDED', message: '超限', details: { limit: 'offline', max: 2000, used: 1500, needed: 800, left: 500 } };
    expect(said(limit, 'en')).toBe('Over a limit: at most 500 more this time; lower the quantity and try again');
  });

  it('says a NOT_ELIGIBLE answer’s reasons, in any domain, from the one reason shape', () => {
    const refused: ApiError = {
      code: 'NOT_ELIGIBLE',
      message: '不能办理',
      details: {
        winId: 'W1',
        reasons: [
          { code: 'CLAIM_WINDOW_PASSED', text: '已过领奖期限：须在2026-11-11前领取。', values: { claimBy: '2026-11-11' } },
          { code: 'IDENTITY_MISMATCH', text: '身份证号码不符', values: { attempts: 1 } },
        ],
      },
    };
    expect(said(refused, 'zh-CN')).toBe('不符合办理条件：已过领奖期限：须在2026-11-11前领取；身份证号码不符');
    expect(said(refused, 'en')).toBe('Not eligible (CLAIM_WINDOW_PASSED, IDENTITY_MISMATCH); explain the reasons to the customer, or offer something else');
    // Reasons of another shape are not read: the plain sentence instead.
    const odd: ApiError = { code: 'NOT_ELIGIBLE', message: '', details: { reasons: [{ reason: 'catalogue_expired' }] } };
    expect(said(odd, 'zh-CN')).toBe(zhCN.errors.NOT_ELIGIBLE);
  });

  it('keeps the more specific sentences of a place and a detail', () => {
    void i18next.changeLanguage('zh-CN');
    expect(describeError({ code: 'WRONG_PIN', message: 'x', details: { attemptsLeft: 4 } }, 'login')).toBe('工号或 PIN 错误，还可再试 4 次');
    expect(describeError({ code: 'INTERNAL', message: 'x', details: { ref: 'E-42' } })).toBe('内部错误（编号 E-42），请联系技术支持');
  });
});
