//! The npm package's .wasm: every `#[wasm_bindgen]` export of `frontdesk-wasm`, linked here so
//! that this workspace's lock file can choose idna's back end (see `Cargo.toml`).

pub use frontdesk_wasm::*;
