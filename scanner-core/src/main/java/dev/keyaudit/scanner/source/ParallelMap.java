package dev.keyaudit.scanner.source;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Maps a list on a fixed number of worker threads and returns the results in input order, so
 * callers stay deterministic. Workers get a large stack: deeply nested expressions (a long string
 * concatenation) recurse deeply in the parser and the evaluator. A task that throws becomes
 * whatever {@code onFailure} makes of it.
 */
final class ParallelMap {

  private static final long STACK_BYTES = 64L * 1024 * 1024;

  private ParallelMap() {}

  static <T, R> List<R> map(
      List<T> items, Function<T, R> task, int threads, BiFunction<T, Throwable, R> onFailure) {
    if (items.isEmpty()) {
      return List.of();
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(threads, items.size()), workerFactory());
    try {
      List<Future<R>> futures = new ArrayList<>(items.size());
      for (T item : items) {
        futures.add(
            pool.submit(
                () -> {
                  try {
                    return task.apply(item);
                  } catch (RuntimeException | StackOverflowError e) {
                    return onFailure.apply(item, e);
                  }
                }));
      }
      List<R> results = new ArrayList<>(items.size());
      for (int i = 0; i < futures.size(); i++) {
        try {
          results.add(futures.get(i).get());
        } catch (ExecutionException e) {
          results.add(onFailure.apply(items.get(i), e.getCause()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while analysing sources", e);
        }
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static ThreadFactory workerFactory() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread t =
          new Thread(
              null, runnable, "keyaudit-java-source-" + count.incrementAndGet(), STACK_BYTES);
      t.setDaemon(true);
      return t;
    };
  }
}
