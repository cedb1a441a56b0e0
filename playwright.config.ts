import { defineConfig } from "@playwright/test";
import { launchOptions } from "./scripts/chromium.mjs";

// Browser tests run against the release build in dist/, served under a
// sub-path by scripts/static-server.mjs, in Debian's headless Chromium.
// Playwright never downloads a browser here.
const port = Number(process.env.E2E_PORT ?? 4173);
const base = "/nested/path/aixa/";
// The same app with the test edition compiled in (scripts/test builds it into
// target/dist-test-edition), for editions.spec.ts only.
export const testEditionPort = port + 1;
export const testEditionURL = `http://127.0.0.1:${testEditionPort}${base}`;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // Generous: CI shares two cores between two workers and a release build.
  timeout: 60_000,
  reporter: [["list"]],
  forbidOnly: !!process.env.CI,
  use: {
    baseURL: `http://127.0.0.1:${port}${base}`,
    launchOptions,
  },
  webServer: [
    {
      command: `node scripts/static-server.mjs dist ${port} ${base}`,
      url: `http://127.0.0.1:${port}${base}`,
      reuseExistingServer: false,
      stdout: "ignore",
    },
    {
      command: `node scripts/static-server.mjs target/dist-test-edition ${testEditionPort} ${base}`,
      url: testEditionURL,
      reuseExistingServer: false,
      stdout: "ignore",
    },
  ],
});
