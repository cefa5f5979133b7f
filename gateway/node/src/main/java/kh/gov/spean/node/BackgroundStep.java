package kh.gov.spean.node;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A start-up step run on a thread of its own while the node goes on with the next: a cold start is class
 * initialisation and PKCS#12 key derivation, step after step, and two steps side by side finish sooner wherever the
 * JIT compilers leave a core some room. Its failure is thrown where the result is awaited, as if the step had run
 * there.
 *
 * @param <T> what the step makes
 */
final class BackgroundStep<T> {

    private final CompletableFuture<T> result = new CompletableFuture<>();

    private BackgroundStep() {
    }

    static <T> BackgroundStep<T> start(String name, Supplier<T> step) {
        BackgroundStep<T> started = new BackgroundStep<>();
        Thread thread = new Thread(() -> {
            try {
                started.result.complete(step.get());
            } catch (Throwable failure) {
                started.result.completeExceptionally(failure);
            }
        }, "spean-start-" + name);
        // A node that fails to start for another reason must not be kept alive by a step nobody awaits any more.
        thread.setDaemon(true);
        thread.start();
        return started;
    }

    static BackgroundStep<Void> start(String name, Runnable step) {
        return start(name, () -> {
            step.run();
            return null;
        });
    }

    /** The step's result once it is done; its exception (a coded one, as a rule) if it failed. */
    T await() {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error failure) {
                throw failure;
            }
            throw e;
        }
    }
}
