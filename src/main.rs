/// One allocator for the whole process, tree-sitter's C code included: parsing allocates and
/// frees a node per token, and mimalloc does that much faster than glibc's malloc.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    // SAFETY: first thing in main; nothing has been parsed yet.
    unsafe { palisade_engine::use_mimalloc_for_parsing() };
    palisade::run()
}
