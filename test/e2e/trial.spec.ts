import { expect, test } from './support/fixtures';
import { contractAs, expectOk, MANAGER } from './support/contract';
import { screenshotPath } from './support/counter';
import { customerByPhone, openCounterAs, scanCustomer, serialsOnHand } from './support/clerk';

const CLERK = '1002';

test('an iTV trial after enrolment: install confirmed, cancelled (recovery order and slip), units scanned back in', async ({ page, baseURL }) => {
  const manager = await contractAs(baseURL, MANAGER);
  const feng = await customerByPhone(manager, '18785202929');
  const [stb] = await serialsOnHand(manager, 'STB-ITV');
  const [modem] = await serialsOnHand(manager, 'MODEM-E8B');
  if (!stb || !modem) throw new Error('the demo hall has set-top boxes and modems on the shelf');
  const { enrolmentNo } = expectOk(
    await manager.call['enrolment.create']({
      customerId: feng.customerId,
      campaignId: 'ZY2026-ITV-TRIAL',
      options: { equipmentSerials: { 'STB-ITV': [stb], 'MODEM-E8B': [modem] } },
    }),
  );

  await openCounterAs(page, baseURL, CLERK);
  await scanCustomer(page, '18785202929');
  await page.getByTestId('tab-history').click();
  const trial = page.getByTestId(`trial-${enrolmentNo}`);
  await expect(trial.getByTestId('trial-status')).toHaveText('待安装');
  await expect(trial).toContainText(`${stb} · 借出中`);

  // 竣工: the completion day (today, the enrolment day) and Enter.
  await trial.getByTestId('trial-install').click();
  await expect(trial.getByLabel('实际竣工日期')).toHaveValue('2026-11-21');
  await page.keyboard.press('Enter');
  await expect(trial.getByTestId('trial-status')).toHaveText('体验中');
  expect(expectOk(await manager.call['enrolment.get']({ enrolmentNo })).enrolment.trial?.status).toBe('active');

  // 注销: a recovery order for both units and a cancellation slip.
  await trial.getByTestId('trial-cancel').click();
  await expect(trial.getByLabel('注销原因（可不填）')).toBeFocused();
  await page.keyboard.type('客户表示看电视少');
  await page.keyboard.press('Enter');
  const cancelled = trial.getByTestId('trial-cancelled');
  await expect(cancelled).toContainText(`请于 2026-11-28 前收回 ${stb}、${modem}`);
  await expect(cancelled.getByTestId('slip-preview')).toBeVisible();
  await expect(trial.getByTestId('trial-status')).toHaveText('已申请注销，待回收设备');
  await page.screenshot({ path: screenshotPath('enrol-trial-cancelled') });
  const afterCancel = expectOk(await manager.call['enrolment.get']({ enrolmentNo })).enrolment.trial;
  expect(afterCancel?.status).toBe('cancel_requested');
  expect(afterCancel?.recovery).toMatchObject({ status: 'open', dueOn: '2026-11-28' });
  const { slips } = expectOk(await manager.call['slip.list']({ kind: 'trial_cancel', limit: 5 }));
  expect(slips.some((slip) => slip.customerPhoneMasked === '187****2929')).toBe(true);

  // 回收: each unit scanned off the order, then Enter completes it; the units are back on the shelf.
  await trial.getByTestId('trial-recover').click();
  await page.keyboard.type('NOT-ON-ORDER');
  await page.keyboard.press('Enter');
  await expect(trial.getByRole('alert').filter({ hasText: 'NOT-ON-ORDER 不在回收单' })).toBeVisible();
  await trial.getByLabel('逐台扫描收回的设备串号').fill('');
  for (const serial of [stb, modem]) {
    await page.keyboard.type(serial);
    await page.keyboard.press('Enter');
  }
  await page.keyboard.press('Enter');
  await expect(trial.getByTestId('trial-status')).toHaveText('已注销');
  const closed = expectOk(await manager.call['enrolment.get']({ enrolmentNo })).enrolment.trial;
  expect(closed?.status).toBe('cancelled');
  expect(closed?.equipment.map((unit) => unit.status)).toEqual(['recovered', 'recovered']);
  expect(await serialsOnHand(manager, 'STB-ITV')).toContain(stb);
  expect(await serialsOnHand(manager, 'MODEM-E8B')).toContain(modem);
});
