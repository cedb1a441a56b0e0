// The release wasm's size by crate and by aixa module, from the name-keeping
// build Trunk leaves before wasm-bindgen and wasm-opt
// (target/wasm32-unknown-unknown/release/aixa-web.wasm), read with twiggy.
//
//   node scripts/wasm-breakdown.mjs [WASM] [--json]
//
// Sizes are raw bytes of code and data before wasm-opt: use them to compare
// builds with each other (before and after a change), not with the shipped
// gzip size. A generic function is charged to the first aixa module its name
// mentions (the caller that made the copy), else to the crate it starts with.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const args = process.argv.slice(2);
const json = args.includes("--json");
const wasm = args.find((a) => !a.startsWith("--")) ?? "target/wasm32-unknown-unknown/release/aixa-web.wasm";
if (!existsSync(wasm)) {
  console.error(`wasm-breakdown: ${wasm} is missing: build the release app first (trunk build --release)`);
  process.exit(2);
}
let csv;
try {
  csv = execFileSync("twiggy", ["top", "-n", "10000000", "--format", "csv", wasm], { encoding: "utf8", maxBuffer: 1 << 28 });
} catch (e) {
  console.error(`wasm-breakdown: twiggy failed (${e.message.split("\n")[0]}); scripts/setup.sh installs it`);
  process.exit(2);
}

// CSV rows: Name,ShallowSize,ShallowSizePercent,RetainedSize,RetainedSizePercent;
// names may hold commas, so the numbers are read from the end.
const rows = csv
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => {
    const parts = line.split(",");
    const size = Number(parts[parts.length - 4]);
    const name = parts.slice(0, parts.length - 4).join(",").replace(/^"|"$/g, "");
    return { name, size };
  })
  .filter((r) => Number.isFinite(r.size));

const SKIP = /function names|custom section|"producers"|"name" section|type\[|import |export |table\[|elem\[|memory\[|global\[/;
const byCrate = new Map();
const byModule = new Map();
let code = 0;
let data = 0;
const add = (m, k, v) => m.set(k, (m.get(k) ?? 0) + v);
for (const { name, size } of rows) {
  // Descriptors wasm-bindgen reads and then removes: not shipped. The type
  // descriptions (`<T as WasmDescribe>::describe`) are most of js_sys's bytes
  // here (28 KB of its 40 KB, every Intl enum's), none of them in dist/.
  if (SKIP.test(name) || name.startsWith("__wbindgen_describe") || /WasmDescribe[^:]*>::describe|::describe::h/.test(name)) {
    continue;
  }
  if (name.startsWith("data[")) {
    data += size;
    add(byCrate, "(data: catalog, strings, tables)", size);
    continue;
  }
  code += size;
  const mod = name.match(/aixa::((?:ui::pages::steps|ui::pages|ui::components|core::codec|core::report|core::source)::\w+|ui::\w+|core::\w+)/);
  if (mod) {
    add(byCrate, "aixa", size);
    add(byModule, mod[1], size);
    continue;
  }
  // The first crate path anywhere: `<T as tachys::view::…>::rebuild` is
  // tachys's; `<char>::escape_debug_ext` is the standard library's.
  const crate = name.match(/(?:^|[^A-Za-z0-9_])([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/);
  add(byCrate, crate ? crate[1] : /^<(char|str|u\d+|i\d+|f\d+|bool|usize|isize)\b/.test(name) ? "core" : "(unattributed)", size);
}

const top = (m, n) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
const total = code + data;
if (json) {
  console.log(JSON.stringify({ wasm, total, code, data, crates: Object.fromEntries(top(byCrate, 1000)), modules: Object.fromEntries(top(byModule, 1000)) }));
} else {
  const kb = (b) => `${(b / 1024).toFixed(1).padStart(7)} KB`;
  const pct = (b) => `${((100 * b) / total).toFixed(1).padStart(5)} %`;
  console.log(`${wasm}: ${kb(total)} of code and data (${kb(code)} code, ${kb(data)} data), before wasm-opt`);
  console.log("\nby crate");
  for (const [k, v] of top(byCrate, 20)) console.log(`${kb(v)} ${pct(v)}  ${k}`);
  console.log("\nby aixa module");
  for (const [k, v] of top(byModule, 40)) console.log(`${kb(v)} ${pct(v)}  ${k}`);
}
