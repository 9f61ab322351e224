/**
 * A damaged database (issue 14 item 11) is said on every screen: the shell's banner names the
 * backups folder, whichever tab is open, and a change is refused with the same message.
 * (How damage is found — start-up quick_check, nightly integrity_check — is tests/data-folder.test.ts.)
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiFromPage, createActiveUser, loginToShell, screenshot, useFreshAppPerTest } from './support/app';

const env = useFreshAppPerTest();

describe('damaged database banner', () => {
  it('shows on the home screen and on an open screen, with where the backups are; changes are refused', async () => {
    const { page } = env.tp;
    await createActiveUser(env.app.core, 'csm', '钱经理', 'serviceManager');
    // What the start-up check does on a damaged file (the test of the check itself damages a real one).
    env.app.core.health.markDamaged('startup', ['Tree 12 page 345: btreeInitPage() returns error code 11']);
    await loginToShell(page, env.app.url, 'csm');
    const banner = page.locator('.data-damaged-banner');
    await banner.waitFor();
    const text = await banner.textContent();
    expect(text).toContain('数据库已损坏');
    expect(text).toContain('请联系管理员从备份恢复');
    expect(text).toContain(path.join(env.app.dataDir, 'backups'));

    await page.getByRole('treeitem', { name: '任务分配' }).click();
    await page.getByRole('tab', { name: '任务分配', selected: true }).waitFor();
    expect(await banner.isVisible()).toBe(true);
    await screenshot(page, 'data-damaged-banner');

    const change = await apiFromPage(page, 'auth.changePassword', { oldPassword: 'Dealer2026ok', newPassword: 'Another2026ok' });
    expect(change.status).toBe(503);
    expect(change.body.error?.code).toBe('DATABASE_DAMAGED');
  });
});
