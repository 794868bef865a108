import { defineMessages } from '../i18n/define';

/** Lent equipment (t('equipment.…')). */
export const equipmentMessages = defineMessages({
  zhCN: {
    heading: '借出设备',
    summary: '客户手中 {{held}} 台，回收中 {{recoveryOpen}} 台',
    overdueCount: '逾期未回收 {{count}} 台',
    show: '显示范围',
    view: {
      held: '客户手中',
      overdue: '逾期未回收',
      all: '全部设备',
    },
    none: {
      held: '目前没有设备在客户手中。',
      overdue: '没有逾期未回收的设备。',
      all: '本厅没有按串号管理的设备。',
    },
    column: {
      item: '设备',
      serial: '串号',
      state: '状态',
      holder: '持有客户',
      since: '起始日期',
      enrolment: '受理单号',
      recovery: '回收单',
      due: '回收期限',
    },
    order: '回收单 #{{id}}（{{openedOn}} 开单）',
    overdueDays: '逾期 {{count}} 天',
    today: '今天是 {{today}}（上海时间）；回收期限早于今天且设备仍在客户手中即为逾期。',
  },
  en: {
    heading: 'Lent equipment',
    summary: '{{held}} units with customers, {{recoveryOpen}} being recovered',
    overdueCount: '{{count}} overdue',
    show: 'Show',
    view: {
      held: 'With customers',
      overdue: 'Overdue recoveries',
      all: 'All units',
    },
    none: {
      held: 'No equipment is with customers now.',
      overdue: 'No recovery is overdue.',
      all: 'This hall has no serial-numbered equipment.',
    },
    column: {
      item: 'Equipment',
      serial: 'Serial',
      state: 'State',
      holder: 'Customer',
      since: 'Since',
      enrolment: 'Enrolment no.',
      recovery: 'Recovery order',
      due: 'Due back',
    },
    order: 'Order #{{id}} (opened {{openedOn}})',
    overdueDays: '{{count}} days overdue',
    today: 'Today is {{today}} (Shanghai); a recovery is overdue when its due date has passed and the unit is still out.',
  },
});
