#!/usr/bin/env bash
# Builds the npm package's files: the .wasm of frontdesk-wasm (profile wasm-release: release
# optimised for size, root Cargo.toml; figures in docs/PERFORMANCE.md), then wasm-bindgen's
# JS glue and TypeScript types for each target into wasm/pkg/{nodejs,web,bundler}.
# Idempotent: cargo rebuilds only what changed, and each pkg folder is written afresh.
# Needs the wasm32-unknown-unknown target and wasm-bindgen-cli of the exact version
# wasm/Cargo.toml pins (the glue and the crate must agree).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
cd "$root"

want="$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' wasm/Cargo.toml)"
have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have" != "$want" ]; then
  echo "wasm/build.sh: needs wasm-bindgen $want (found '${have:-none}'):" >&2
  echo "  cargo install wasm-bindgen-cli --version $want" >&2
  exit 2
fi

cargo build -p frontdesk-wasm --profile wasm-release --target wasm32-unknown-unknown
target_dir="$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
wasm="$target_dir/wasm32-unknown-unknown/wasm-release/frontdesk_wasm.wasm"

for target in nodejs web bundler; do
  out="$here/pkg/$target"
  rm -rf "$out"
  # Function names are 0.3 MB of the module (a seventh of it gzipped): left out.
  wasm-bindgen --target "$target" --remove-name-section --remove-producers-section \
    --out-dir "$out" "$wasm"
done
# The web and bundler builds are ES modules; the package is CommonJS (the nodejs build), so
# they say so for node and TypeScript, as wasm-pack's own package.json would.
for target in web bundler; do
  printf '{\n  "type": "module"\n}\n' > "$here/pkg/$target/package.json"
done

size="$(wc -c < "$here/pkg/web/frontdesk_wasm_bg.wasm")"
gz="$(gzip -9 -c "$here/pkg/web/frontdesk_wasm_bg.wasm" | wc -c)"
echo "wasm/build.sh: frontdesk_wasm_bg.wasm is $size bytes ($gz gzipped)"
