//! The `aixa` binary, run as a pipeline would run it. Apart from `common`,
//! which the benches include too, as only test targets know the binary's path.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `aixa` with `args`, `stdin` on its standard input.
pub fn aixa(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_aixa"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the aixa binary runs");
    // aixa may exit before reading stdin (a bad flag, a missing file), so a
    // broken pipe here is expected and the exit status tells the story.
    let _ = child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(stdin.as_bytes());
    child.wait_with_output().expect("aixa finishes")
}
