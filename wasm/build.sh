#!/usr/bin/env bash
# Builds the npm package's files: the .wasm of frontdesk-wasm (linked by wasm/module, profile
# wasm-release: release optimised for size; figures in docs/PERFORMANCE.md), then
# wasm-bindgen's JS glue and TypeScript types for each target into wasm/pkg/{nodejs,web,bundler}.
# Idempotent: the module's lock file is written afresh from the root one, cargo rebuilds only
# what changed, and each pkg folder is written afresh.
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

# wasm/module's lock file: the root one (the versions the command line is tested with) with
# idna's back end switched off (wasm/module/Cargo.toml says why). Offline first: the registry
# index cached by any earlier build knows idna_adapter 1.0.0.
module="$here/module"
cp Cargo.lock "$module/Cargo.lock"
cargo update -q --manifest-path "$module/Cargo.toml" -p idna_adapter --precise 1.0.0 --offline \
  || cargo update -q --manifest-path "$module/Cargo.toml" -p idna_adapter --precise 1.0.0
# The root workspace's target folder, so the two workspaces share what they build alike.
target_dir="$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
cargo build --manifest-path "$module/Cargo.toml" --locked --target-dir "$target_dir" \
  --profile wasm-release --target wasm32-unknown-unknown
wasm="$target_dir/wasm32-unknown-unknown/wasm-release/frontdesk_wasm_module.wasm"

for target in nodejs web bundler; do
  out="$here/pkg/$target"
  rm -rf "$out"
  # Function names are 0.3 MB of the module (a seventh of it gzipped): left out.
  wasm-bindgen --target "$target" --remove-name-section --remove-producers-section \
    --out-name frontdesk_wasm --out-dir "$out" "$wasm"
done
# The web and bundler builds are ES modules; the package is CommonJS (the nodejs build), so
# they say so for node and TypeScript, as wasm-pack's own package.json would.
for target in web bundler; do
  printf '{\n  "type": "module"\n}\n' > "$here/pkg/$target/package.json"
done

size="$(wc -c < "$here/pkg/web/frontdesk_wasm_bg.wasm")"
gz="$(gzip -9 -c "$here/pkg/web/frontdesk_wasm_bg.wasm" | wc -c)"
echo "wasm/build.sh: frontdesk_wasm_bg.wasm is $size bytes ($gz gzipped)"
