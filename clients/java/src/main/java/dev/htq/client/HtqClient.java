package dev.htq.client;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import htq.v1.Htq;
import htq.v1.HtqServiceGrpc;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * A client for HTQ, the HTTP task queue, over gRPC. The blocking methods return their
 * result; the {@code *Async} ones a {@link CompletableFuture}. Server errors are
 * {@link StatusRuntimeException}s: {@code e.getStatus().getCode()} is the gRPC code.
 * The stubs in {@code htq.v1} are generated from the server's proto/ by clients/generate.
 *
 * <pre>{@code
 * try (HtqClient htq = HtqClient.connect("127.0.0.1", 5999, token)) {
 *   htq.createQueue(Htq.Queue.newBuilder().setName("emails").build());
 *   String id = htq.push("emails", HtqClient.post("https://example.com/send", "{}"));
 * }
 * }</pre>
 */
public final class HtqClient implements AutoCloseable {
  private final ManagedChannel channel;
  /** The generated blocking stub, for every RPC of the contract. */
  public final HtqServiceGrpc.HtqServiceBlockingStub blocking;
  /** The generated future stub. */
  public final HtqServiceGrpc.HtqServiceFutureStub future;
  /** The generated async (streaming) stub. */
  public final HtqServiceGrpc.HtqServiceStub async;

  private HtqClient(ManagedChannel channel, String token) {
    this.channel = channel;
    CallCredentials bearer = new CallCredentials() {
      @Override
      public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        applier.apply(headers);
      }
    };
    this.blocking = HtqServiceGrpc.newBlockingStub(channel).withCallCredentials(bearer);
    this.future = HtqServiceGrpc.newFutureStub(channel).withCallCredentials(bearer);
    this.async = HtqServiceGrpc.newStub(channel).withCallCredentials(bearer);
  }

  /** Connects in plain text to host:port with API token {@code token}. */
  public static HtqClient connect(String host, int port, String token) {
    return new HtqClient(ManagedChannelBuilder.forAddress(host, port).usePlaintext().build(), token);
  }

  /** A GET of {@code url}. */
  public static Htq.HttpRequest get(String url) {
    return Htq.HttpRequest.newBuilder().setMethod("GET").setUrl(url).build();
  }

  /** A POST of {@code body} to {@code url}. */
  public static Htq.HttpRequest post(String url, String body) {
    return Htq.HttpRequest.newBuilder().setMethod("POST").setUrl(url)
        .setData(ByteString.copyFromUtf8(body)).build();
  }

  private static Timestamp timestamp(Instant at) {
    return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
  }

  private static <T> CompletableFuture<T> completable(ListenableFuture<T> f) {
    CompletableFuture<T> out = new CompletableFuture<>();
    f.addListener(() -> {
      try {
        out.complete(f.get());
      } catch (java.util.concurrent.ExecutionException e) {
        out.completeExceptionally(e.getCause());
      } catch (Exception e) {
        out.completeExceptionally(e);
      }
    }, Runnable::run);
    return out;
  }

  public Htq.Queue createQueue(Htq.Queue queue) {
    return blocking.createQueue(Htq.CreateQueueRequest.newBuilder().setQueue(queue).build());
  }

  /** Pushes a task due now; returns its id. */
  public String push(String queue, Htq.HttpRequest request) {
    return blocking.pushTask(pushRequest(queue, request)).getTaskId();
  }

  public CompletableFuture<String> pushAsync(String queue, Htq.HttpRequest request) {
    return completable(future.pushTask(pushRequest(queue, request))).thenApply(Htq.PushTaskResponse::getTaskId);
  }

  private static Htq.PushTaskRequest pushRequest(String queue, Htq.HttpRequest request) {
    return Htq.PushTaskRequest.newBuilder().setQueue(queue).setRequest(request).build();
  }

  /** Pushes a task due at {@code at}; returns its id. */
  public String schedule(String queue, Htq.HttpRequest request, Instant at) {
    return blocking.scheduleTask(scheduleRequest(queue, request, at)).getTaskId();
  }

  public CompletableFuture<String> scheduleAsync(String queue, Htq.HttpRequest request, Instant at) {
    return completable(future.scheduleTask(scheduleRequest(queue, request, at)))
        .thenApply(Htq.PushTaskResponse::getTaskId);
  }

  private static Htq.ScheduleTaskRequest scheduleRequest(String queue, Htq.HttpRequest request, Instant at) {
    return Htq.ScheduleTaskRequest.newBuilder().setQueue(queue).setRequest(request)
        .setScheduleTime(timestamp(at)).build();
  }

  public Htq.Task getTask(String queue, String id) {
    return blocking.getTask(Htq.GetTaskRequest.newBuilder().setQueue(queue).setId(id).build());
  }

  public CompletableFuture<Htq.Task> getTaskAsync(String queue, String id) {
    return completable(future.getTask(Htq.GetTaskRequest.newBuilder().setQueue(queue).setId(id).build()));
  }

  public Htq.Task cancel(String queue, String id) {
    return blocking.cancelTask(Htq.CancelTaskRequest.newBuilder().setQueue(queue).setId(id).build());
  }

  public CompletableFuture<Htq.Task> cancelAsync(String queue, String id) {
    return completable(future.cancelTask(Htq.CancelTaskRequest.newBuilder().setQueue(queue).setId(id).build()));
  }

  /** The queue's stream ("" for every queue) from now or after {@code cursor}, blocking. */
  public Iterator<Htq.WatchQueueResponse> watch(String queue, String cursor) {
    return blocking.watchQueue(Htq.WatchQueueRequest.newBuilder().setQueue(queue).setCursor(cursor).build());
  }

  /** The queue's events, pushed to {@code observer} as they happen. */
  public void watchAsync(String queue, String cursor, StreamObserver<Htq.WatchQueueResponse> observer) {
    async.watchQueue(Htq.WatchQueueRequest.newBuilder().setQueue(queue).setCursor(cursor).build(), observer);
  }

  /** The gRPC code of a server error, or UNKNOWN. */
  public static Status.Code code(Throwable t) {
    return Status.fromThrowable(t).getCode();
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
