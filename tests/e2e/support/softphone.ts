import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { dispatch } from '../../../electron/node/dispatch';
import { startKamailio, TEST_EXTENSIONS, type Kamailio } from '../../support/kamailio';
import { CHROMIUM_ARGS, loginToShell } from './app';
import { DEMO_PASSWORD, type SeededApp } from './seeded';

/**
 * Seats and phone pages for the softphone tests: `seat` saves a user's softphone settings against
 * the test kamailio through the API (as that user); `phonePage` opens a fresh browser context with
 * a fake microphone, logs the user in and — with `registered` — waits until the softphone says so.
 * The getters are read when called: kamailio and the browser start in the test file's beforeAll.
 */
export function softphoneSeats(env: SeededApp, kamailio: () => Kamailio, browser: () => Browser) {
  async function seat(username: string, extension: string, password = TEST_EXTENSIONS[extension]!, extra: Record<string, unknown> = {}): Promise<void> {
    const { token, session } = await env.core.auth.login(username, DEMO_PASSWORD);
    const r = await dispatch(env.core, token, 'telephony.settings.save', { wsUrl: kamailio().wsUrl, extension, authUser: extension, password, displayName: username, ...extra });
    if (!r.result.ok) throw new Error(r.result.error.message);
    env.core.auth.logout(session);
  }

  async function phonePage(username: string, opts: { registered?: boolean } = {}): Promise<Page> {
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', permissions: ['microphone'] });
    context.setDefaultTimeout(15_000);
    // Every peer connection the page makes and every microphone track it takes, for a test that
    // reads what a party hears (getStats) and what a party sends.
    await context.addInitScript(() => {
      const Native = window.RTCPeerConnection;
      const all: RTCPeerConnection[] = [];
      const mics: string[] = [];
      (window as unknown as { __pcs: RTCPeerConnection[]; __mics: string[] }).__pcs = all;
      (window as unknown as { __mics: string[] }).__mics = mics;
      const gum = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
      navigator.mediaDevices.getUserMedia = async (c) => {
        const stream = await gum(c);
        for (const t of stream.getAudioTracks()) mics.push(t.id);
        return stream;
      };
      window.RTCPeerConnection = class extends Native {
        constructor(config?: RTCConfiguration) {
          super(config);
          all.push(this);
        }
      };
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => {
      throw e;
    });
    await loginToShell(page, env.url, username, DEMO_PASSWORD);
    if (opts.registered) await page.getByTestId('tel-status').and(page.locator('[data-kind="registered"]')).waitFor();
    return page;
  }

  return { seat, phonePage };
}

/**
 * The softphone tests' lab for a test file: kamailio on loopback and a Chromium with a fake
 * microphone for the phone pages, started before the file's tests and stopped after them, with
 * `softphoneSeats` on top. `kamailio()` is the running server (a test may stop and start it).
 */
export function useSoftphoneLab(env: SeededApp) {
  let k: Kamailio | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    k = await startKamailio();
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', '--allow-loopback-in-peer-connection', '--autoplay-policy=no-user-gesture-required'],
    });
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await k?.close();
  });
  const kamailio = () => k!;
  return { kamailio, ...softphoneSeats(env, kamailio, () => browser!) };
}
