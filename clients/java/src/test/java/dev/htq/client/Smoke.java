package dev.htq.client;

import htq.v1.Htq;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Smoke test against a live HTQ: Smoke HOST PORT TOKEN SINK_URL. */
public final class Smoke {
  static void check(boolean ok, String what) {
    if (!ok) {
      System.err.println("failed: " + what);
      System.exit(1);
    }
  }

  public static void main(String[] args) throws Exception {
    String host = args[0], token = args[2], sink = args[3];
    int port = Integer.parseInt(args[1]);
    try (HtqClient htq = HtqClient.connect(host, port, token)) {
      htq.createQueue(Htq.Queue.newBuilder().setName("java").setMaxConcurrency(2).build());
      Iterator<Htq.WatchQueueResponse> events = htq.watch("java", "");
      // The async client sees the same events.
      CountDownLatch asyncSaw = new CountDownLatch(3);
      htq.watchAsync("java", "", new StreamObserver<>() {
        public void onNext(Htq.WatchQueueResponse r) { if (r.hasEvent()) asyncSaw.countDown(); }
        public void onError(Throwable t) {}
        public void onCompleted() {}
      });
      Thread.sleep(300);
      String pushed = htq.pushAsync("java", HtqClient.get(sink + "?from=java")).get(10, TimeUnit.SECONDS);
      String later = htq.schedule("java", HtqClient.get(sink), Instant.now().plusSeconds(3600));
      check(htq.getTask("java", later).getState() == Htq.TaskState.TASK_STATE_SCHEDULED, "scheduled");
      htq.cancelAsync("java", later).get(10, TimeUnit.SECONDS);
      try {
        htq.getTask("java", later);
        check(false, "a cancelled task was found");
      } catch (StatusRuntimeException e) {
        check(e.getStatus().getCode() == Status.Code.NOT_FOUND, "not found: " + e.getStatus());
      }
      List<Htq.EventKind> ofPushed = new ArrayList<>();
      List<Htq.EventKind> ofLater = new ArrayList<>();
      while (ofPushed.size() < 3 || ofLater.size() < 2) {
        Htq.WatchQueueResponse r = events.next();
        if (!r.hasEvent()) continue;
        if (r.getEvent().getTaskId().equals(pushed)) ofPushed.add(r.getEvent().getKind());
        if (r.getEvent().getTaskId().equals(later)) ofLater.add(r.getEvent().getKind());
      }
      check(ofPushed.equals(List.of(Htq.EventKind.EVENT_KIND_PUSHED, Htq.EventKind.EVENT_KIND_STARTED,
          Htq.EventKind.EVENT_KIND_SUCCEEDED)), "pushed events: " + ofPushed);
      check(ofLater.equals(List.of(Htq.EventKind.EVENT_KIND_SCHEDULED, Htq.EventKind.EVENT_KIND_CANCELLED)),
          "scheduled events: " + ofLater);
      check(asyncSaw.await(10, TimeUnit.SECONDS), "async watch");
    }
    try (HtqClient bad = HtqClient.connect(host, port, "wrong")) {
      bad.createQueue(Htq.Queue.newBuilder().setName("nope").build());
      check(false, "a wrong token was accepted");
    } catch (StatusRuntimeException e) {
      check(HtqClient.code(e) == Status.Code.UNAUTHENTICATED, "unauthenticated: " + e.getStatus());
    }
    System.out.println("ok: java client");
    System.exit(0);
  }
}
