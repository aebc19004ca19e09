//! The palisade CLI, for the end-to-end tests.
fn main() -> std::process::ExitCode {
    palisade::run()
}
