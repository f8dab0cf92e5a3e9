// Bench "resident-3g": a resident's first report on a weak phone, in Chromium: DevTools' "Slow 3G"
// (2,000 ms round trip, 50 KB/s each way) and the CPU slowed 4×, a cold cache each run, 360 px.
// From typing the village's report address to "提交成功": the page loads (until the first
// category button can be tapped), then the resident picks a category, writes a sentence and taps
// 提交 (answering "not the same problem" when a similar one is offered). The typing is not timed.
// Reports the median of the runs and the bytes the page took over the wire.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { freePort, freshDataDir, median, removeDir, round, serverEnv, startServer } from './lib.mjs';

const RUNS = 5;
const VILLAGE = '530303203211'; // 地河村, the demo's sample village
const SLOW_3G = { offline: false, latency: 2000, downloadThroughput: 51_200, uploadThroughput: 51_200 };
// The flags the browser tests run this machine's Chromium with.
const ARGS = JSON.parse(readFileSync(new URL('../e2e/chromium-args.json', import.meta.url), 'utf8'));

async function oneRun(baseUrl, n) {
  const profile = mkdtempSync(path.join(tmpdir(), 'jiceng-bench-3g-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: ARGS,
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    baseURL: baseUrl,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    let bytes = 0;
    cdp.on('Network.loadingFinished', (e) => {
      bytes += e.encodedDataLength;
    });
    const t0 = performance.now();
    await page.goto(`/report/${VILLAGE}`, { waitUntil: 'commit', timeout: 120_000 });
    const choice = page.locator('button.choice').first();
    await choice.waitFor({ state: 'visible', timeout: 120_000 });
    const loadedMs = performance.now() - t0;
    const loadedBytes = bytes;
    await choice.click();
    await page.getByLabel('2. 说说遇到了什么问题').fill(`测试第${n}次：村口水渠堵了，下雨就漫到路上 ${Math.random().toString(36).slice(2, 6)}`);
    const t1 = performance.now();
    await page.getByRole('button', { name: '提交', exact: true }).click();
    const done = page.getByText('提交成功');
    const notSame = page.getByRole('button', { name: '不是同一个问题，继续提交' });
    const first = await Promise.race([done.waitFor({ timeout: 120_000 }).then(() => 'done'), notSame.waitFor({ timeout: 120_000 }).then(() => 'similar')]);
    if (first === 'similar') {
      await notSame.click();
      await done.waitFor({ timeout: 120_000 });
    }
    const submitMs = performance.now() - t1;
    return {
      loadedMs: round(loadedMs, 0),
      submitMs: round(submitMs, 0),
      totalMs: round(loadedMs + submitMs, 0),
      pageBytes: loadedBytes,
      allBytes: bytes,
      similarOffered: first === 'similar',
    };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

export async function run() {
  const dataDir = freshDataDir('resident-3g');
  const port = freePort();
  const server = await startServer(serverEnv({ port, dataDir, url: null }));
  try {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await oneRun(server.base, i + 1);
      runs.push(r);
      console.log(`[resident-3g] run ${i + 1}: ${JSON.stringify(r)}`);
    }
    const med = (k) => median(runs.map((r) => r[k]));
    const summary = { loadedMs: med('loadedMs'), submitMs: med('submitMs'), totalMs: med('totalMs'), pageBytes: med('pageBytes') };
    console.log(`[resident-3g] median: ${JSON.stringify(summary)}`);
    return { network: SLOW_3G, cpuSlowdown: 4, runs, median: summary };
  } finally {
    await server.stop();
    removeDir(dataDir);
  }
}
