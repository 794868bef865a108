/**
 * Simplified Chinese, the counter's default language. The English file must have the
 * same keys (its type is this object's), so a string can't be added to one and forgotten
 * in the other.
 */
export const zhCN = {
  app: {
    title: 'HallDesk 营业厅柜台',
    product: 'HallDesk 柜台系统',
    starting: '正在连接本机服务…',
    startFailed: '无法读取本柜台信息',
    retry: '重试',
  },
  language: {
    label: '语言',
    'zh-CN': '中文',
    en: 'English',
  },
  role: {
    clerk: '营业员',
    manager: '店长',
  },
  badge: {
    demo: '演示',
    demoTitle: '演示模式：示例营业厅数据，不是真实业务',
    clockFrozen: '时钟冻结 {{time}}',
    clockFrozenTitle: '系统时间被固定用于演示或测试，业务时间不会走动',
  },
  login: {
    heading: '员工登录',
    staffNo: '工号',
    staffNoHint: '输入工号后按 Enter 或 Tab',
    pin: 'PIN',
    pinHint: '6 位数字，按 Enter 登录',
    submit: '登录',
    submitting: '正在登录…',
    needStaffNo: '请输入工号',
    badStaffNo: '工号为 1-16 位字母或数字',
    needPin: 'PIN 为 6 位数字',
    sessionEnded: '登录已失效，请重新登录',
    forgotPin: '忘记 PIN 或账号被锁定，请联系店长重置',
    version: '版本 {{version}}',
  },
  lock: {
    heading: '柜台已锁定',
    who: '{{name}}（{{role}}，工号 {{staffNo}}）',
    whoLabel: '当前登录',
    pin: 'PIN',
    pinHint: '输入本人 PIN 后按 Enter 解锁',
    unlock: '解锁',
    unlocking: '正在解锁…',
    logout: '退出登录',
  },
  topbar: {
    counter: '柜台',
    staff: '当前员工',
    hq: {
      not_configured: '总部未配置',
      online: '总部在线',
      offline: '总部离线',
      unknown: '总部状态未知',
    },
    unsynced: '待同步 {{events}} 条',
    unsyncedTitle: '本柜台尚未被总部接收的业务事件',
    lock: '锁屏',
    lockShortcut: 'Ctrl+L',
    logout: '退出',
  },
  nav: {
    label: '功能导航',
    enrol: '受理',
    redeem: '积分兑换',
    stock: '库存',
    lists: '清单',
    reports: '报表',
    sync: '同步',
    settings: '设置',
  },
  pages: {
    planned: '本功能将在下一版本提供',
    enrol: {
      planned: '受理功能将在下一版本提供',
      about: '按手机号查找客户，查看可参加的活动及不能参加的原因，办理入网有礼、预存赠费、套餐升级等活动，收取预存款并打印小票。',
    },
    redeem: {
      planned: '积分兑换功能将在下一版本提供',
      about: '查询客户可用积分，兑换实物礼品、商家电子券和自有业务，打印兑换小票；作废需店长审批。',
    },
    stock: {
      planned: '库存功能将在下一版本提供',
      about: '查看各礼品和奖品的在库数量，办理入库、报损、退回、调拨和盘点；低库存提醒。',
    },
    lists: {
      planned: '清单功能将在下一版本提供',
      about: '体验用户回访、到期提醒、合约到期等外呼清单，可导出为表格。',
    },
    reports: {
      planned: '报表功能将在下一版本提供',
      about: '当日业务、礼品发放、积分兑换和库存变动的统计报表。',
    },
    sync: {
      planned: '手动同步和同步明细将在下一版本提供',
      about: '本柜台的业务事件定期上传总部；总部不可达时继续离线办理，恢复后自动补传。',
    },
    settings: {
      planned: '员工账号等设置将在下一版本提供',
      about: '本柜台的基本信息。修改设置需要店长权限。',
    },
  },
  sync: {
    hq: '总部连接',
    lastSync: '上次同步',
    never: '尚未同步',
    unsynced: '待同步事件',
  },
  settings: {
    counterInfo: '本柜台',
    hall: '营业厅',
    counter: '柜台',
    version: '软件版本',
    schema: '数据库版本',
    mode: '运行模式',
    demoMode: '演示（示例营业厅数据）',
    liveMode: '正式营业',
    clock: '系统时间',
    frozenClock: '{{time}}（已冻结，仅用于演示和测试）',
  },
  errors: {
    VALIDATION: '输入有误，请检查后重试',
    UNAUTHENTICATED: '请先登录',
    FORBIDDEN: '此操作需要店长权限',
    WRONG_PIN: '工号或 PIN 错误',
    WRONG_PIN_attemptsLeft: 'PIN 错误，还可再试 {{attemptsLeft}} 次',
    WRONG_PIN_attemptsLeft_login: '工号或 PIN 错误，还可再试 {{attemptsLeft}} 次',
    WRONG_PIN_lockedUntil: 'PIN 连续错误 5 次，账号已锁定，请于 {{lockedUntil}} 后再试，或请店长重置 PIN',
    ACCOUNT_LOCKED_until: '账号已锁定，请于 {{until}} 后再试，或请店长重置 PIN',
    SCREEN_LOCKED: '柜台已锁定，请输入 PIN 解锁',
    HQ_UNAVAILABLE: '无法连接总部，请稍后再试',
    INTERNAL_ref: '内部错误（编号 {{ref}}），请联系技术支持',
  },
};

export type Messages = typeof zhCN;
