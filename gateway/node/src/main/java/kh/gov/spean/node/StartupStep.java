package kh.gov.spean.node;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/**
 * A start-up step that waits on I/O or loads classes of its own, run on a thread of its own while the node goes on
 * with the others; {@link #join} hands back its result, or throws what it threw.
 */
final class StartupStep<T> {

    private final FutureTask<T> task;

    private StartupStep(FutureTask<T> task) {
        this.task = task;
    }

    static <T> StartupStep<T> begin(String name, Callable<T> step) {
        FutureTask<T> task = new FutureTask<>(step);
        Thread thread = new Thread(task, "spean-start-" + name);
        thread.setDaemon(true);
        thread.start();
        return new StartupStep<>(task);
    }

    T join() {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "the node could not start: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "interrupted while starting");
        }
    }
}
