# Installs what building and testing aixa need, skipping whatever is already
# there at the right version. Sourced by scripts/serve and scripts/test.
#
# Everything comes from package registries (crates.io, npm, Debian); nothing
# downloads a prebuilt binary. Versions are pinned here, in Cargo.lock and in
# package-lock.json.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Tools installed by `cargo install` land in $CARGO_HOME/bin.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$ROOT/node_modules/.bin:$PATH"

need() {
  command -v "$1" >/dev/null 2>&1 || die "$1 is required but not on PATH ($2)"
}

locked_version() {
  # The version of crate $1 in Cargo.lock.
  awk -v name="$1" '
    $0 == "name = \"" name "\"" { found = 1; next }
    found && /^version = / { gsub(/"/, "", $3); print $3; exit }
  ' "$ROOT/Cargo.lock"
}

ensure_rust() {
  need cargo "install Rust with rustup"
  need rustup "install Rust with rustup"
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_wasm_bindgen() {
  local want have
  want="$(locked_version wasm-bindgen)"
  [ -n "$want" ] || die "wasm-bindgen is missing from Cargo.lock"
  grep -q "wasm_bindgen = \"$want\"" "$ROOT/Trunk.toml" ||
    die "Trunk.toml [tools] wasm_bindgen must be \"$want\", the version in Cargo.lock"
  have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
  if [ "$have" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (found: ${have:-none})"
    # Not --locked: one of its locked dependencies is no longer on crates.io.
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
}

ensure_trunk() {
  local have
  have="$(trunk --version 2>/dev/null | awk '{print $2}' || true)"
  if [ "$have" != "$TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION (found: ${have:-none})"
    # --locked: newer releases of its CSS dependencies no longer build with it.
    cargo install trunk --version "$TRUNK_VERSION" --locked --force
  fi
}

# twiggy reads the release wasm for scripts/wasm-breakdown.mjs (bench only).
TWIGGY_VERSION=0.7.0
ensure_twiggy() {
  local have
  have="$(twiggy --version 2>/dev/null | awk '{print $2}' || true)"
  if [ "$have" != "$TWIGGY_VERSION" ]; then
    say "installing twiggy $TWIGGY_VERSION (found: ${have:-none})"
    cargo install twiggy --version "$TWIGGY_VERSION" --locked --force
  fi
}

ensure_node_modules() {
  need npm "install Node.js and npm (Debian: apt-get install nodejs npm)"
  # Reinstall only when package-lock.json changed since the last install.
  local stamp="$ROOT/node_modules/.aixa-lock.sha256" want
  want="$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
  if [ "$(cat "$stamp" 2>/dev/null || true)" != "$want" ]; then
    say "installing npm packages (wasm-opt, Playwright) from package-lock.json"
    (cd "$ROOT" && npm ci --no-audit --no-fund)
    echo "$want" > "$stamp"
  fi
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing Debian's chromium and chromium-driver"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
  fi
}

# The app's build tools.
ensure_build_tools() {
  ensure_rust
  ensure_wasm_bindgen
  ensure_trunk
  ensure_node_modules
  need wasm-opt "from the npm package binaryen"
}

build_release() {
  # postbuild renders the landing page into index.html in headless Chromium.
  ensure_chromium
  say "building the release app into dist/"
  # AIXA_SERVICE_WORKER makes the app register dist/sw.js; `trunk serve`
  # (development) leaves it unset, so no worker caches a development build.
  (cd "$ROOT" && AIXA_SERVICE_WORKER=1 trunk build --release --offline && node scripts/postbuild.mjs dist)
}
