/**
 * A recording still being uploaded from a client seat (issue 15, 上传中) as the host's screens show
 * it: the customer card's 通话记录 has a 上传中 badge instead of the player, 电话录音检索's 录音状态
 * says 上传中 and opening the row offers nothing to play (the media URL answers 404); once the
 * upload is in place the URL serves the file. The upload itself is tested in electron/node/host-client/recording-upload.test.ts.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loginToShell, screenshot } from './support/app';
import { DEMO_PASSWORD, useSeededApp } from './support/seeded';

const env = useSeededApp(2_000);

describe('recording uploading from a seat (上传中)', () => {
  it('the card and the recording search say 上传中 and play nothing until the host has the file', async () => {
    const { page } = env.tp;
    const { sqlite } = env.core;
    const gm = sqlite.prepare("SELECT id FROM users WHERE username = 'gm'").pluck().get() as number;
    // A name no other customer's name contains, so quick find's first hit is this customer.
    const c = sqlite
      .prepare("SELECT id, name FROM customers c WHERE length(name) = 3 AND (SELECT count(*) FROM customers d WHERE d.name LIKE '%' || c.name || '%') = 1 ORDER BY id LIMIT 1")
      .get() as { id: number; name: string };
    const now = Date.now();
    const callId = Number(
      sqlite
        .prepare("INSERT INTO calls (direction, to_number, extension, user_id, customer_id, started_at, answered_at, ended_at, duration_s, outcome) VALUES ('outbound', '13800138000', '1005', ?, ?, ?, ?, ?, 60, 'answered')")
        .run(gm, c.id, now - 60_000, now - 59_000, now).lastInsertRowid,
    );
    const audio = crypto.randomBytes(8_192);
    const rel = `recordings/e2e/call-${callId}.webm`;
    // As the host's upload route leaves it midway: the row in 上传中, half the bytes in the .part file.
    fs.mkdirSync(path.join(env.core.dataDir, 'recordings/e2e'), { recursive: true });
    fs.writeFileSync(path.join(env.core.dataDir, `${rel}.part`), audio.subarray(0, audio.length >> 1));
    const recId = Number(
      sqlite
        .prepare('INSERT INTO recordings (call_id, customer_id, path, mime, size_bytes, duration_ms, complete, upload_sha256, created_at) VALUES (?, ?, ?, ?, ?, 1000, 1, ?, ?)')
        .run(callId, c.id, rel, 'audio/webm;codecs=opus', audio.length, crypto.createHash('sha256').update(audio).digest('hex'), now).lastInsertRowid,
    );

    await loginToShell(page, env.url, 'gm', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '我的客户' }).click();
    await page.locator('.ag-row[row-index="0"]').waitFor();
    await page.keyboard.press('Control+f');
    await page.keyboard.type(c.name);
    await page.getByTestId('search-hit').filter({ hasText: c.name }).first().waitFor();
    await page.keyboard.press('Enter');
    const card = page.getByTestId('customer-card');
    await card.locator('.toolbar-title', { hasText: c.name }).waitFor();
    const badge = card.getByTestId('card-recording-uploading');
    await badge.waitFor();
    expect(await badge.textContent()).toContain('上传中');
    expect(await card.getByRole('button', { name: /有录音/ }).count()).toBe(0);
    await badge.scrollIntoViewIfNeeded();
    await screenshot(page, 'recording-uploading-card');
    // Nothing to fetch meanwhile: the player's URL answers 404.
    expect(await page.evaluate(async (id) => (await fetch(`/media/recordings/${id}`)).status, recId)).toBe(404);

    await page.getByRole('treeitem', { name: '电话录音检索' }).click();
    const screen = page.getByTestId('recordings-screen');
    const cell = screen.locator('.ag-row [col-id="complete"]', { hasText: '上传中' }).first();
    await cell.waitFor();
    await cell.dblclick();
    await page.getByTestId('tel-player-uploading').waitFor();
    expect(await page.getByTestId('tel-player').count()).toBe(0);
    await screenshot(page, 'recording-uploading-search');

    // The upload is in place (as the host's route finishes it): the recording is served.
    fs.renameSync(path.join(env.core.dataDir, `${rel}.part`), path.join(env.core.dataDir, rel));
    fs.writeFileSync(path.join(env.core.dataDir, rel), audio);
    sqlite.prepare('UPDATE recordings SET upload_sha256 = NULL WHERE id = ?').run(recId);
    expect(await page.evaluate(async (id) => (await fetch(`/media/recordings/${id}`)).status, recId)).toBe(200);
  });
});
