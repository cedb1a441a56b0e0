// aixa's service worker: the app works offline after the first visit.
// Hashed assets are served cache-first (their names change with their
// content); the page itself network-first, so a new release is picked up
// when online. scripts/postbuild.mjs fills in the version and the asset list
// for each build; the development server never registers this worker.
const VERSION = "__AIXA_BUILD__";
const CACHE = `aixa-${VERSION}`;
const ASSETS = __AIXA_ASSETS__;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(["./", ...ASSETS]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("aixa-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  const isPage = request.mode === "navigate" || request.destination === "document";
  if (isPage) {
    event.respondWith(
      fetch(request)
        .then((response) => {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put("./", copy));
          return response;
        })
        .catch(() => caches.match("./")),
    );
  } else {
    event.respondWith(caches.match(request).then((hit) => hit ?? fetch(request)));
  }
});
