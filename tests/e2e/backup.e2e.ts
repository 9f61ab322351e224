/**
 * 系统管理 → 备份与恢复 against the real server on a small demo database: the administrator's home
 * warns that no backup has succeeded yet and leads to the screen; a backup folder on "another
 * drive" is chosen, 立即备份 writes a verified copy listed with what it holds, and the log has the
 * attempt. The home warning is gone after it. Then 恢复: a backup from a newer app is refused in
 * the dialog; the good one is compared with the current data, confirmed, restored — the host
 * restarts its core, the page comes back at the login, and the customer added after the backup is gone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { apiFromPage, loginToShell, screenshot, submitLogin } from './support/app';
import { DEMO_PASSWORD, useSeededApp } from './support/seeded';

const env = useSeededApp(500);

describe('backup screen (real server)', () => {
  it('warns on the home screen, backs up into the chosen folder, lists the verified copy', async () => {
    const { page } = env.tp;
    await loginToShell(page, env.url, 'admin', DEMO_PASSWORD);
    const warning = page.getByTestId('home-backup-warning');
    await warning.getByText('已超过两天没有成功的数据库备份').waitFor();
    await warning.getByRole('button', { name: '打开备份与恢复' }).click();

    const screen = page.getByTestId('backup-screen');
    const folder = path.join(env.core.dataDir, '..', `${path.basename(env.core.dataDir)}-usb`, 'DS-CRM 备份');
    await screen.getByTestId('backup-folder').fill(folder);
    await screen.getByTestId('backup-weekly').fill('2');
    await screen.getByTestId('backup-save').click();
    await page.getByText('已保存').first().waitFor();
    expect(env.core.settings.get('backup.folder')).toBe(folder);

    await screen.getByTestId('backup-now').click();
    await page.getByText(/^备份完成:ds-crm-.*\.sqlite/).waitFor({ timeout: 30_000 });
    const name = fs.readdirSync(folder).find((f) => f.endsWith('.sqlite'))!;
    const row = screen.getByTestId(`backup-file-${name}`);
    await row.getByText('完好').waitFor();
    const customers = env.core.sqlite.prepare('SELECT count(*) FROM customers').pluck().get() as number;
    expect(await row.locator('td').allTextContents()).toContain(customers.toLocaleString());
    await screen.locator('[data-testid^="backup-run-"]').first().getByText('成功').waitFor();
    await screenshot(page, 'backup-screen');

    // What the home screen asks: nothing to warn about any more.
    const status = (await apiFromPage(page, 'backup.status', {})).body as unknown as { value: { attention: boolean } };
    expect(status.value.attention).toBe(false);
    fs.rmSync(path.dirname(folder), { recursive: true, force: true });
  });

  it('restores a chosen backup: newer-app backup refused, counts compared, confirmed, restarted, signed in again', async () => {
    const { page } = env.tp;
    await loginToShell(page, env.url, 'admin', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '备份与恢复' }).click();
    const screen = page.getByTestId('backup-screen');
    await screen.getByTestId('backup-now').click();
    await page.getByText(/^备份完成:ds-crm-.*\.sqlite/).waitFor({ timeout: 30_000 });
    const folder = env.core.settings.get('backup.folder');
    const good = fs.readdirSync(folder).filter((f) => f.endsWith('.sqlite')).sort().at(-1)!;
    const inBackup = env.core.sqlite.prepare('SELECT count(*) FROM customers').pluck().get() as number;
    // A customer entered after the backup: the restore takes it away.
    env.core.sqlite.prepare("INSERT INTO customers (name, created_at, updated_at) VALUES ('备份后的客户', 0, 0)").run();
    // The same backup as a newer DS-CRM would have written it.
    const newer = 'ds-crm-2030-01-01-0300.sqlite';
    fs.copyFileSync(path.join(folder, good), path.join(folder, newer));
    const db = new Database(path.join(folder, newer));
    db.prepare("UPDATE backup_info SET value = '[\"ffff\"]' WHERE key = 'migrations'").run();
    db.prepare("UPDATE backup_info SET value = '\"9.9.0\"' WHERE key = 'appVersion'").run();
    db.close();
    await page.reload();
    await screen.getByTestId(`restore-${newer}`).click();
    let dialog = page.getByTestId('restore-dialog');
    await dialog.getByTestId('restore-refused').filter({ hasText: /该备份来自更新版本的 DS-CRM\(9\.9\.0\)/ }).waitFor();
    expect(await page.getByTestId('restore-start').isDisabled()).toBe(true);
    await page.getByRole('button', { name: '取消' }).click();
    fs.rmSync(path.join(folder, newer));

    await screen.getByTestId(`restore-${good}`).click();
    dialog = page.getByTestId('restore-dialog');
    const customersRow = dialog.getByRole('row').filter({ hasText: '客户' }).first();
    await customersRow.waitFor();
    expect(await customersRow.locator('td').allTextContents()).toEqual(['客户', inBackup.toLocaleString(), (inBackup + 1).toLocaleString()]);
    expect(await page.getByTestId('restore-start').isDisabled()).toBe(true);
    await dialog.getByTestId('restore-understood').check();
    await screenshot(page, 'backup-restore-dialog');
    await page.getByTestId('restore-start').click();
    await dialog.getByTestId('restore-phase').waitFor();
    // Every screen says changes are paused until the restart (the event goes to everyone).
    await page.getByTestId('restoring-banner').waitFor();
    // The host restarts; the page notices and reloads to the login (sessions do not survive a restore).
    await page.locator('form.form input[name="username"]').waitFor({ timeout: 60_000 });
    expect(env.core.sqlite.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(inBackup);
    await submitLogin(page, 'admin', DEMO_PASSWORD);
    await page.getByRole('tree').waitFor();
    await page.getByRole('treeitem', { name: '备份与恢复' }).click();
    const restoredRun = screen.locator('[data-testid^="backup-run-"]').first();
    await restoredRun.getByText('从备份恢复').waitFor();
    await restoredRun.getByText('成功').waitFor();
    await screenshot(page, 'backup-restored');
  }, 120_000);
});
