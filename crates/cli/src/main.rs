fn main() -> std::process::ExitCode {
    palisade::run()
}
