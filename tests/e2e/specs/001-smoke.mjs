// Smoke: the built app starts, serves the embedded UI over tauri://, renders its root,
// and the IPC bridge answers (CSP connect-src + capability ACL let a command through).
export default async function smoke(app) {
  await app.waitFor('app-root');

  const url = await app.browser.getUrl();
  if (!url.startsWith('tauri://')) throw new Error(`UI not served by the tauri:// protocol: ${url}`);

  const title = await app.browser.getTitle();
  if (title !== 'Daicho 台帳') throw new Error(`unexpected document title ${JSON.stringify(title)}`);

  // withGlobalTauri is off, but Tauri's internal IPC object is always injected.
  const status = await app.browser.execute(() =>
    // @ts-ignore -- injected by Tauri
    window.__TAURI_INTERNALS__.invoke('startup_status'),
  );
  if (status == null) throw new Error('startup_status returned nothing');

  await app.screenshot('started');
}
