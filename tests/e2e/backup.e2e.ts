/**
 * 系统管理 → 备份与恢复 against the real server on a small demo database: the administrator's home
 * warns that no backup has succeeded yet and leads to the screen; a backup folder on "another
 * drive" is chosen, 立即备份 writes a verified copy listed with what it holds, and the log has the
 * attempt. The home warning is gone after it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiFromPage, loginToShell, screenshot } from './support/app';
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
});
