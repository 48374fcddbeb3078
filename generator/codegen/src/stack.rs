//! Running deep recursion on a stack sized for it.

/// The stack for parsing: the parsers recurse once per nesting level (at most 128), and a
/// debug build of the typed OpenAPI parse takes tens of KiB per level. Reserved, not committed:
/// only the pages used are backed by memory.
const LARGE_STACK: usize = 64 << 20;

/// Runs `work` on a thread with a large stack and returns its result; `None` if it panicked
/// (the panic message has been printed by then). Where no thread can be started, `work` runs
/// on the current thread.
pub(crate) fn on_large_stack<T: Send>(work: impl FnOnce() -> T + Send) -> Option<T> {
    let mut work = Some(work);
    let spawned = std::thread::scope(|scope| {
        let thread = std::thread::Builder::new()
            .name("instantly-codegen-parse".to_owned())
            .stack_size(LARGE_STACK)
            .spawn_scoped(scope, || work.take().map(|work| work()));
        thread.ok().map(|thread| thread.join().ok().flatten())
    });
    match (spawned, work) {
        (Some(result), _) => result,
        (None, Some(work)) => Some(work()),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth(n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            // Keeps a frame per level that the optimizer cannot fold away.
            let frame = std::hint::black_box([n; 128]);
            1 + depth(frame[0] - 1)
        }
    }

    #[test]
    fn recursion_too_deep_for_a_test_thread_fits() {
        assert_eq!(on_large_stack(|| depth(5_000)), Some(5_000));
    }

    #[test]
    fn panics_become_none() {
        let result = on_large_stack(|| -> u8 { panic!("expected in this test") });
        assert_eq!(result, None);
    }
}
