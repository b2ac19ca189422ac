package dev.keyaudit.scanner.bytecode;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;

/**
 * Maps a list on a private pool of {@code threads} workers, results in input order, so the
 * frontend's output does not depend on the thread count. {@code task} must not throw.
 */
final class Parallel {

  private Parallel() {}

  static <T, R> List<R> map(List<T> items, Function<T, R> task, int threads) {
    if (threads <= 1 || items.size() < 2) {
      return items.stream().map(task).toList();
    }
    ForkJoinPool pool = new ForkJoinPool(Math.min(threads, items.size()));
    try {
      return pool.submit(() -> items.parallelStream().map(task).toList()).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while analysing class files", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("class file analysis failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
