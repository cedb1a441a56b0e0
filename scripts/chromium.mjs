// How the browser tests, the bench and the screenshots launch Chromium:
// Debian's binary (Playwright never downloads one here), headless, without a
// sandbox (CI runs as root), and with nothing that would call Google's hosts,
// which this machine's closed network refuses.
export const launchOptions = {
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
  ],
};
