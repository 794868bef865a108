import { defineMessages } from '../i18n/define';

/** The prize desk: lottery wins and their hand-over (t('prizes.…')). */
export const prizesMessages = defineMessages({
  zhCN: {
    loading: '正在读取中奖记录…',
    none: '该客户没有中奖记录。',
    meta: '{{winId}} · {{wonOn}} 开奖 · 须在 {{claimBy}} 前领取 · 本厅现有 {{onHand}} 件',
    status: {
      unclaimed: '待领取',
      claimed: '已领取',
      expired: '已过领奖期',
    },
    claimedAt: '{{at}} 领取 · 小票 {{slipNo}}',
    claim: '领奖',
    claimFor: '领取 {{prize}}',
    claiming: '正在核对…',
    close: '关闭',
    idNumber: '中奖人身份证号码',
    idHint: '请中奖人出示身份证，逐位录入18位号码；只用于核对，不会保存',
    handedOver: '已发放奖品：{{prize}}。',
    errors: {
      identity: '身份证号码与中奖人登记的证件不符（已核对 {{attempts}} 次）；请核对本人身份证件后重新录入',
      window: '已过领奖期限：{{wonOn}} 开奖，须在 {{claimBy}} 前领取，逾期视为放弃',
      stock: '本厅奖品库存不足，请联系店长调拨后再发放',
      claimed: '该奖品已经领取（小票 {{slipNo}}），可在上方补打小票',
    },
  },
  en: {
    loading: 'Reading the wins…',
    none: 'This customer has no lottery wins.',
    meta: '{{winId}} · drawn {{wonOn}} · collect by {{claimBy}} · {{onHand}} in the hall',
    status: {
      unclaimed: 'To collect',
      claimed: 'Collected',
      expired: 'Collection window passed',
    },
    claimedAt: 'collected {{at}} · slip {{slipNo}}',
    claim: 'Hand over',
    claimFor: 'Hand over {{prize}}',
    claiming: 'Checking…',
    close: 'Close',
    idNumber: 'Winner\'s ID number',
    idHint: 'Ask the winner for their ID card and type all 18 characters; only checked, never stored',
    handedOver: 'Prize handed over: {{prize}}.',
    errors: {
      identity: 'The ID number does not match the winner\'s registered ID (checked {{attempts}}×); check the card and type it again',
      window: 'The collection window has passed: drawn {{wonOn}}, to be collected by {{claimBy}}; the prize is forfeited',
      stock: 'Not enough prize stock in the hall; ask the manager for a transfer before handing it over',
      claimed: 'This prize was already collected (slip {{slipNo}}); the slip can be reprinted above',
    },
  },
});
