package dev.keyaudit.agent.output;

import dev.keyaudit.agent.bootstrap.Dispatcher;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON Lines event log: application threads {@link #offer} records into a bounded queue and
 * never wait; one daemon thread numbers them ({@code event.sequence}), chains them ({@code
 * prev_hash}) and writes them. A full queue drops the record and counts it; the count is written as
 * an {@code events-lost} record. Appending to an existing log continues its chain.
 *
 * <p>The writer works in batches: it drains the queue, writes and flushes, then sleeps {@link
 * #flushEvery} (20 ms unless set) if nothing is left. An application thread's offer therefore never
 * wakes it (no futex wake-up, no context switch per key) and one write system call carries many
 * lines.
 */
public final class EventLog {

  private static final Pattern SEQUENCE = Pattern.compile("\"event\\.sequence\":(\\d+)");
  private static final LogRecord STOP = new Marker();
  private static final long DEFAULT_FLUSH_MILLIS = 20;
  private static final int MAX_BATCH = 1024;

  private final BlockingQueue<LogRecord> queue;
  private final OutputStream out;
  private final String target;
  private final AtomicLong lost = new AtomicLong();
  private final AtomicLong written = new AtomicLong();
  private final List<Runnable> periodic = new ArrayList<>();
  private final List<Runnable> startup = new ArrayList<>();
  private final HashChain chain;

  /** The writer thread's one line buffer: each line is encoded once, then written and hashed. */
  private final JsonLine line = new JsonLine();

  /** How long the writer sleeps when the queue is empty: the longest an event waits unwritten. */
  private long pauseNanos = TimeUnit.MILLISECONDS.toNanos(DEFAULT_FLUSH_MILLIS);

  private long sequence;
  private long lostReported;
  private Thread thread;

  /** Set when a write failed: the writer has ended, nothing more is queued. */
  private volatile boolean stopped;

  private final PrintStream diagnostics;

  private EventLog(
      OutputStream out,
      String target,
      HashChain chain,
      long sequence,
      int capacity,
      PrintStream diagnostics) {
    // two locks: an application thread's offer never waits for the writer's drain, and a full
    // queue is seen without any lock
    this.queue = new LinkedBlockingQueue<>(capacity);
    this.out = out;
    this.target = target;
    this.chain = chain;
    this.sequence = sequence;
    this.diagnostics = diagnostics;
  }

  /**
   * Opens the log named by the {@code log} option. An unwritable file does not stop the
   * application: the log then writes nothing and counts every record as lost.
   */
  public static EventLog open(String log, int capacity, PrintStream diagnostics) {
    if ("none".equals(log)) {
      return new EventLog(null, "none", new HashChain(HashChain.GENESIS), 0, capacity, diagnostics);
    }
    if ("stdout".equals(log)) {
      OutputStream w = System.out;
      return new EventLog(w, "stdout", new HashChain(HashChain.GENESIS), 0, capacity, diagnostics);
    }
    Path file = Path.of(log).toAbsolutePath();
    try {
      String previous = HashChain.GENESIS;
      long sequence = 0;
      if (Files.isRegularFile(file) && Files.size(file) > 0) {
        String last = LogTail.lastLine(file);
        if (last != null) {
          previous = new HashChain(HashChain.GENESIS).hash(last);
          Matcher m = SEQUENCE.matcher(last);
          sequence = m.find() ? Long.parseLong(m.group(1)) : 0;
        }
      }
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      OutputStream w =
          new BufferedOutputStream(
              Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
              1 << 16);
      return new EventLog(
          w, file.toString(), new HashChain(previous), sequence, capacity, diagnostics);
    } catch (IOException | RuntimeException e) {
      diagnostics.println(
          "[keyaudit-agent] cannot write the event log "
              + file
              + " ("
              + e
              + "); events are counted as lost");
      return new EventLog(
          null, file + " (unwritable)", new HashChain(HashChain.GENESIS), 0, capacity, diagnostics);
    }
  }

  /** A log on any stream (tests: a stream that fails part-way). */
  static EventLog to(OutputStream out, int capacity, PrintStream diagnostics) {
    return new EventLog(out, "stream", new HashChain(HashChain.GENESIS), 0, capacity, diagnostics);
  }

  /** Sets how often queued events are written and flushed; call before {@link #start}. */
  public EventLog flushEvery(long millis) {
    pauseNanos = TimeUnit.MILLISECONDS.toNanos(millis);
    return this;
  }

  /** Where events go, for the start-up record. */
  public String target() {
    return target;
  }

  /** Whether anything is written at all. */
  public boolean writes() {
    return out != null;
  }

  /** Runs {@code task} on the writer thread about once a second (TLS counters...). */
  public void addPeriodic(Runnable task) {
    periodic.add(task);
  }

  /** Runs {@code task} once on the writer thread, before anything else (slow set-up work). */
  public void runOnce(Runnable task) {
    startup.add(task);
  }

  /** Starts the writer thread. */
  public void start() {
    if (out == null) {
      Thread setup =
          new Thread(
              () -> {
                Dispatcher.markAgentThread();
                startup.forEach(Runnable::run);
              },
              "keyaudit-agent-setup");
      setup.setDaemon(true);
      setup.start();
      return;
    }
    thread = new Thread(this::run, "keyaudit-agent-writer");
    thread.setDaemon(true);
    thread.start();
  }

  /** Never blocks; false (and counted) when the queue is full or nothing is written. */
  public boolean offer(LogRecord record) {
    if (out != null && !stopped && queue.offer(record)) {
      return true;
    }
    lost.incrementAndGet();
    return false;
  }

  public long lost() {
    return lost.get();
  }

  public long written() {
    return written.get();
  }

  /** Drains the queue, writes {@code last} and stops; waits at most {@code timeoutMillis}. */
  public void close(LogRecord last, long timeoutMillis) {
    if (out == null || thread == null) {
      return;
    }
    if (last != null) {
      try {
        queue.offer(last, timeoutMillis, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      queue.offer(STOP, timeoutMillis, TimeUnit.MILLISECONDS);
      LockSupport.unpark(thread);
      thread.join(timeoutMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    Dispatcher.markAgentThread();
    for (Runnable task : startup) {
      try {
        task.run();
      } catch (RuntimeException | LinkageError e) {
        diagnostics.println("[keyaudit-agent] start-up task failed: " + e);
      }
    }
    long nextPeriodic = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
    List<LogRecord> batch = new ArrayList<>(MAX_BATCH);
    int writtenOfBatch = 0; // of the current batch, to count the rest as lost if a write fails
    try {
      while (true) {
        queue.drainTo(batch, MAX_BATCH);
        for (LogRecord r : batch) {
          if (r == STOP) {
            runPeriodic();
            reportLost();
            out.flush();
            return;
          }
          write(r);
          writtenOfBatch++;
        }
        batch.clear();
        writtenOfBatch = 0;
        if (System.nanoTime() - nextPeriodic > 0) {
          runPeriodic();
          reportLost(); // in a sustained flood the queue never empties: say so once a second
          nextPeriodic = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        }
        if (queue.isEmpty()) {
          reportLost();
          out.flush();
          LockSupport.parkNanos(pauseNanos);
        }
      }
    } catch (IOException | RuntimeException e) {
      // from now on every event is counted as lost, including those drained but not written
      stopped = true;
      List<LogRecord> queued = new ArrayList<>();
      queue.drainTo(queued);
      // the stop marker close() queued is not an event (it may arrive before or after the drain)
      long unwritten =
          batch.stream().filter(r -> r != STOP).count()
              - writtenOfBatch
              + queued.stream().filter(r -> r != STOP).count();
      lost.addAndGet(unwritten);
      diagnostics.println(
          "[keyaudit-agent] event log stopped: " + e + "; later events are counted as lost");
    }
  }

  private void runPeriodic() {
    for (Runnable task : periodic) {
      try {
        task.run();
      } catch (RuntimeException e) {
        diagnostics.println("[keyaudit-agent] periodic task failed: " + e);
      }
    }
    // tasks may have queued records; write them now rather than a second later
    LogRecord r;
    while ((r = queue.peek()) != null && r != STOP) {
      queue.poll();
      try {
        write(r);
      } catch (IOException e) {
        diagnostics.println("[keyaudit-agent] write failed: " + e);
        return;
      }
    }
  }

  private void reportLost() throws IOException {
    long now = lost.get();
    if (now > lostReported) {
      long total = now;
      write(
          new SimpleRecord("events-lost")
              .with(
                  j ->
                      j.put("event.outcome", "failure")
                          .put("event.reason", "event queue full or log unwritable")
                          .put("keyaudit.events_lost", total)));
      lostReported = total;
    }
  }

  private void write(LogRecord r) throws IOException {
    JsonLine json = line.reset().put("@timestamp", r.timestamp()).put("event.sequence", ++sequence);
    r.writeFields(json);
    json.put("prev_hash", chain.previous()).end();
    json.writeTo(out);
    out.write('\n');
    chain.append(json.bytes(), json.length());
    written.incrementAndGet();
  }

  private static final class Marker implements LogRecord {
    @Override
    public Instant timestamp() {
      return null;
    }

    @Override
    public void writeFields(JsonLine json) {}
  }
}
