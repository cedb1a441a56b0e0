// A minimal static file server for dist/, used by scripts/serve and the
// browser tests. It serves under a base path, to prove the app works from any
// sub-path of a plain static host, and binds to 127.0.0.1 only.
//
// usage: node static-server.mjs DIR PORT [BASE]

import { createServer } from "node:http";
import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { TYPES } from "./mime.mjs";

const [dir, portArg = "8080", baseArg = "/"] = process.argv.slice(2);
if (!dir) {
  console.error("usage: node static-server.mjs DIR PORT [BASE]");
  process.exit(2);
}
const root = resolve(dir);
if (!existsSync(root)) {
  // Fail at once, naming the folder, rather than serve 404s to a test.
  console.error(`static-server: ${root} is missing: build it first`);
  process.exit(2);
}
const port = Number(portArg);
const base = ("/" + baseArg + "/").replace(/\/+/g, "/");

const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  if (path === base.slice(0, -1)) {
    res.writeHead(301, { Location: base });
    return res.end();
  }
  if (!path.startsWith(base)) {
    res.writeHead(404, { "Content-Type": "text/plain" });
    return res.end(`not found: the app is served under ${base}\n`);
  }
  let file = normalize(join(root, path.slice(base.length)));
  if (file !== root && !file.startsWith(root + sep)) {
    res.writeHead(403);
    return res.end();
  }
  try {
    if ((await stat(file)).isDirectory()) file = join(file, "index.html");
    const body = await readFile(file);
    res.writeHead(200, {
      "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
      "Cache-Control": "no-cache",
    });
    res.end(body);
  } catch {
    res.writeHead(404, { "Content-Type": "text/plain" });
    res.end("not found\n");
  }
});

server.listen(port, "127.0.0.1", () => {
  console.log(`aixa is being served at http://127.0.0.1:${port}${base}`);
});
