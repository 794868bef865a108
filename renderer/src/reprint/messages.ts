import { defineMessages } from '../i18n/define';

/** Reprinting any slip by its number (t('reprint.…')). */
export const reprintMessages = defineMessages({
  zhCN: {
    label: '补打小票',
    placeholder: '扫描或输入小票号',
    open: '查找',
    badNumber: '小票号只含字母、数字和短横线，请扫描小票上的条码',
    title: '补打小票',
    close: '关闭',
    reprint: '补打',
    reprintOf: '补打小票 {{slipNo}}',
  },
  en: {
    label: 'Reprint a slip',
    placeholder: 'Scan or type the slip number',
    open: 'Find',
    badNumber: 'A slip number has only letters, digits and hyphens; scan the barcode on the slip',
    title: 'Reprint a slip',
    close: 'Close',
    reprint: 'Reprint',
    reprintOf: 'Reprint slip {{slipNo}}',
  },
});
