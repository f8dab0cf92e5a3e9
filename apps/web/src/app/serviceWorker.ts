/**
 * Registers public/sw.js (built sites only) so the app opens offline after one visit, and hands
 * it the assets this page loaded before the worker controlled it: on the very first visit those
 * went straight to the network and would otherwise be missing offline.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register('/sw.js')
      .then(() => navigator.serviceWorker.ready)
      .then((reg) => {
        const send = () => {
          const urls = performance
            .getEntriesByType('resource')
            .map((e) => new URL(e.name).pathname)
            .filter((p) => p.startsWith('/assets/'));
          reg.active?.postMessage({ type: 'cache-assets', urls });
        };
        send();
        // A deploy since the worker was installed: fetch the phone path's new files now, with signal.
        reg.active?.postMessage({ type: 'precache' });
        // Pages opened later load their own chunks; send again a little after each navigation settles.
        window.setTimeout(send, 5000);
      })
      .catch(() => undefined);
  });
}
