package htq.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * The HTQ service: queues, tasks and their events.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class HtqServiceGrpc {

  private HtqServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "htq.v1.HtqService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<htq.v1.Htq.CreateQueueRequest,
      htq.v1.Htq.Queue> getCreateQueueMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateQueue",
      requestType = htq.v1.Htq.CreateQueueRequest.class,
      responseType = htq.v1.Htq.Queue.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<htq.v1.Htq.CreateQueueRequest,
      htq.v1.Htq.Queue> getCreateQueueMethod() {
    io.grpc.MethodDescriptor<htq.v1.Htq.CreateQueueRequest, htq.v1.Htq.Queue> getCreateQueueMethod;
    if ((getCreateQueueMethod = HtqServiceGrpc.getCreateQueueMethod) == null) {
      synchronized (HtqServiceGrpc.class) {
        if ((getCreateQueueMethod = HtqServiceGrpc.getCreateQueueMethod) == null) {
          HtqServiceGrpc.getCreateQueueMethod = getCreateQueueMethod =
              io.grpc.MethodDescriptor.<htq.v1.Htq.CreateQueueRequest, htq.v1.Htq.Queue>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateQueue"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.CreateQueueRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.Queue.getDefaultInstance()))
              .setSchemaDescriptor(new HtqServiceMethodDescriptorSupplier("CreateQueue"))
              .build();
        }
      }
    }
    return getCreateQueueMethod;
  }

  private static volatile io.grpc.MethodDescriptor<htq.v1.Htq.GetQueueRequest,
      htq.v1.Htq.Queue> getGetQueueMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetQueue",
      requestType = htq.v1.Htq.GetQueueRequest.class,
      responseType = htq.v1.Htq.Queue.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<htq.v1.Htq.GetQueueRequest,
      htq.v1.Htq.Queue> getGetQueueMethod() {
    io.grpc.MethodDescriptor<htq.v1.Htq.GetQueueRequest, htq.v1.Htq.Queue> getGetQueueMethod;
    if ((getGetQueueMethod = HtqServiceGrpc.getGetQueueMethod) == null) {
      synchronized (HtqServiceGrpc.class) {
        if ((getGetQueueMethod = HtqServiceGrpc.getGetQueueMethod) == null) {
          HtqServiceGrpc.getGetQueueMethod = getGetQueueMethod =
              io.grpc.MethodDescriptor.<htq.v1.Htq.GetQueueRequest, htq.v1.Htq.Queue>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetQueue"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.GetQueueRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.Queue.getDefaultInstance()))
              .setSchemaDescriptor(new HtqServiceMethodDescriptorSupplier("GetQueue"))
              .build();
        }
      }
    }
    return getGetQueueMethod;
  }

  private static volatile io.grpc.MethodDescriptor<htq.v1.Htq.ListQueuesRequest,
      htq.v1.Htq.ListQueuesResponse> getListQueuesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListQueues",
      requestType = htq.v1.Htq.ListQueuesRequest.class,
      responseType = htq.v1.Htq.ListQueuesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<htq.v1.Htq.ListQueuesRequest,
      htq.v1.Htq.ListQueuesResponse> getListQueuesMethod() {
    io.grpc.MethodDescriptor<htq.v1.Htq.ListQueuesRequest, htq.v1.Htq.ListQueuesResponse> getListQueuesMethod;
    if ((getListQueuesMethod = HtqServiceGrpc.getListQueuesMethod) == null) {
      synchronized (HtqServiceGrpc.class) {
        if ((getListQueuesMethod = HtqServiceGrpc.getListQueuesMethod) == null) {
          HtqServiceGrpc.getListQueuesMethod = getListQueuesMethod =
              io.grpc.MethodDescriptor.<htq.v1.Htq.ListQueuesRequest, htq.v1.Htq.ListQueuesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListQueues"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.ListQueuesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.ListQueuesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new HtqServiceMethodDescriptorSupplier("ListQueues"))
              .build();
        }
      }
    }
    return getListQueuesMethod;
  }

  private static volatile io.grpc.MethodDescriptor<htq.v1.Htq.UpdateQueueRequest,
      htq.v1.Htq.Queue> getUpdateQueueMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateQueue",
      requestType = htq.v1.Htq.UpdateQueueRequest.class,
      responseType = htq.v1.Htq.Queue.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<htq.v1.Htq.UpdateQueueRequest,
      htq.v1.Htq.Queue> getUpdateQueueMethod() {
    io.grpc.MethodDescriptor<htq.v1.Htq.UpdateQueueRequest, htq.v1.Htq.Queue> getUpdateQueueMethod;
    if ((getUpdateQueueMethod = HtqServiceGrpc.getUpdateQueueMethod) == null) {
      synchronized (HtqServiceGrpc.class) {
        if ((getUpdateQueueMethod = HtqServiceGrpc.getUpdateQueueMethod) == null) {
          HtqServiceGrpc.getUpdateQueueMethod = getUpdateQueueMethod =
              io.grpc.MethodDescriptor.<htq.v1.Htq.UpdateQueueRequest, htq.v1.Htq.Queue>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateQueue"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.UpdateQueueRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.Queue.getDefaultInstance()))
              .setSchemaDescriptor(new HtqServiceMethodDescriptorSupplier("UpdateQueue"))
              .build();
        }
      }
    }
    return getUpdateQueueMethod;
  }

  private static volatile io.grpc.MethodDescriptor<htq.v1.Htq.DeleteQueueRequest,
      htq.v1.Htq.DeleteQueueResponse> getDeleteQueueMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteQueue",
      requestType = htq.v1.Htq.DeleteQueueRequest.class,
      responseType = htq.v1.Htq.DeleteQueueResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<htq.v1.Htq.DeleteQueueRequest,
      htq.v1.Htq.DeleteQueueResponse> getDeleteQueueMethod() {
    io.grpc.MethodDescriptor<htq.v1.Htq.DeleteQueueRequest, htq.v1.Htq.DeleteQueueResponse> getDeleteQueueMethod;
    if ((getDeleteQueueMethod = HtqServiceGrpc.getDeleteQueueMethod) == null) {
      synchronized (HtqServiceGrpc.class) {
        if ((getDeleteQueueMethod = HtqServiceGrpc.getDeleteQueueMethod) == null) {
          HtqServiceGrpc.getDeleteQueueMethod = getDeleteQueueMethod =
              io.grpc.MethodDescriptor.<htq.v1.Htq.DeleteQueueRequest, htq.v1.Htq.DeleteQueueResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteQueue"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.DeleteQueueRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.DeleteQueueResponse.getDefaultInstance()))
              .setSchemaDescriptor(new HtqServiceMethodDescriptorSupplier("DeleteQueue"))
              .build();
        }
      }
    }
    return getDeleteQueueMethod;
  }

  private static volatile io.grpc.MethodDescriptor<htq.v1.Htq.PushTaskRequest,
      htq.v1.Htq.PushTaskResponse> getPushTaskMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "PushTask",
      requestType = htq.v1.Htq.PushTaskRequest.class,
      responseType = htq.v1.Htq.PushTaskResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<htq.v1.Htq.PushTaskRequest,
      htq.v1.Htq.PushTaskResponse> getPushTaskMethod() {
    io.grpc.MethodDescriptor<htq.v1.Htq.PushTaskRequest, htq.v1.Htq.PushTaskResponse> getPushTaskMethod;
    if ((getPushTaskMethod = HtqServiceGrpc.getPushTaskMethod) == null) {
      synchronized (HtqServiceGrpc.class) {
        if ((getPushTaskMethod = HtqServiceGrpc.getPushTaskMethod) == null) {
          HtqServiceGrpc.getPushTaskMethod = getPushTaskMethod =
              io.grpc.MethodDescriptor.<htq.v1.Htq.PushTaskRequest, htq.v1.Htq.PushTaskResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "PushTask"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.PushTaskRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.PushTaskResponse.getDefaultInstance()))
              .setSchemaDescriptor(new HtqServiceMethodDescriptorSupplier("PushTask"))
              .build();
        }
      }
    }
    return getPushTaskMethod;
  }

  private static volatile io.grpc.MethodDescriptor<htq.v1.Htq.PushTasksRequest,
      htq.v1.Htq.PushTasksResponse> getPushTasksMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "PushTasks",
      requestType = htq.v1.Htq.PushTasksRequest.class,
      responseType = htq.v1.Htq.PushTasksResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<htq.v1.Htq.PushTasksRequest,
      htq.v1.Htq.PushTasksResponse> getPushTasksMethod() {
    io.grpc.MethodDescriptor<htq.v1.Htq.PushTasksRequest, htq.v1.Htq.PushTasksResponse> getPushTasksMethod;
    if ((getPushTasksMethod = HtqServiceGrpc.getPushTasksMethod) == null) {
      synchronized (HtqServiceGrpc.class) {
        if ((getPushTasksMethod = HtqServiceGrpc.getPushTasksMethod) == null) {
          HtqServiceGrpc.getPushTasksMethod = getPushTasksMethod =
              io.grpc.MethodDescriptor.<htq.v1.Htq.PushTasksRequest, htq.v1.Htq.PushTasksResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "PushTasks"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.PushTasksRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.PushTasksResponse.getDefaultInstance()))
              .setSchemaDescriptor(new HtqServiceMethodDescriptorSupplier("PushTasks"))
              .build();
        }
      }
    }
    return getPushTasksMethod;
  }

  private static volatile io.grpc.MethodDescriptor<htq.v1.Htq.ScheduleTaskRequest,
      htq.v1.Htq.PushTaskResponse> getScheduleTaskMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ScheduleTask",
      requestType = htq.v1.Htq.ScheduleTaskRequest.class,
      responseType = htq.v1.Htq.PushTaskResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<htq.v1.Htq.ScheduleTaskRequest,
      htq.v1.Htq.PushTaskResponse> getScheduleTaskMethod() {
    io.grpc.MethodDescriptor<htq.v1.Htq.ScheduleTaskRequest, htq.v1.Htq.PushTaskResponse> getScheduleTaskMethod;
    if ((getScheduleTaskMethod = HtqServiceGrpc.getScheduleTaskMethod) == null) {
      synchronized (HtqServiceGrpc.class) {
        if ((getScheduleTaskMethod = HtqServiceGrpc.getScheduleTaskMethod) == null) {
          HtqServiceGrpc.getScheduleTaskMethod = getScheduleTaskMethod =
              io.grpc.MethodDescriptor.<htq.v1.Htq.ScheduleTaskRequest, htq.v1.Htq.PushTaskResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ScheduleTask"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.ScheduleTaskRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.PushTaskResponse.getDefaultInstance()))
              .setSchemaDescriptor(new HtqServiceMethodDescriptorSupplier("ScheduleTask"))
              .build();
        }
      }
    }
    return getScheduleTaskMethod;
  }

  private static volatile io.grpc.MethodDescriptor<htq.v1.Htq.GetTaskRequest,
      htq.v1.Htq.Task> getGetTaskMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetTask",
      requestType = htq.v1.Htq.GetTaskRequest.class,
      responseType = htq.v1.Htq.Task.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<htq.v1.Htq.GetTaskRequest,
      htq.v1.Htq.Task> getGetTaskMethod() {
    io.grpc.MethodDescriptor<htq.v1.Htq.GetTaskRequest, htq.v1.Htq.Task> getGetTaskMethod;
    if ((getGetTaskMethod = HtqServiceGrpc.getGetTaskMethod) == null) {
      synchronized (HtqServiceGrpc.class) {
        if ((getGetTaskMethod = HtqServiceGrpc.getGetTaskMethod) == null) {
          HtqServiceGrpc.getGetTaskMethod = getGetTaskMethod =
              io.grpc.MethodDescriptor.<htq.v1.Htq.GetTaskRequest, htq.v1.Htq.Task>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetTask"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.GetTaskRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.Task.getDefaultInstance()))
              .setSchemaDescriptor(new HtqServiceMethodDescriptorSupplier("GetTask"))
              .build();
        }
      }
    }
    return getGetTaskMethod;
  }

  private static volatile io.grpc.MethodDescriptor<htq.v1.Htq.ListTasksRequest,
      htq.v1.Htq.ListTasksResponse> getListTasksMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListTasks",
      requestType = htq.v1.Htq.ListTasksRequest.class,
      responseType = htq.v1.Htq.ListTasksResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<htq.v1.Htq.ListTasksRequest,
      htq.v1.Htq.ListTasksResponse> getListTasksMethod() {
    io.grpc.MethodDescriptor<htq.v1.Htq.ListTasksRequest, htq.v1.Htq.ListTasksResponse> getListTasksMethod;
    if ((getListTasksMethod = HtqServiceGrpc.getListTasksMethod) == null) {
      synchronized (HtqServiceGrpc.class) {
        if ((getListTasksMethod = HtqServiceGrpc.getListTasksMethod) == null) {
          HtqServiceGrpc.getListTasksMethod = getListTasksMethod =
              io.grpc.MethodDescriptor.<htq.v1.Htq.ListTasksRequest, htq.v1.Htq.ListTasksResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListTasks"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.ListTasksRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.ListTasksResponse.getDefaultInstance()))
              .setSchemaDescriptor(new HtqServiceMethodDescriptorSupplier("ListTasks"))
              .build();
        }
      }
    }
    return getListTasksMethod;
  }

  private static volatile io.grpc.MethodDescriptor<htq.v1.Htq.CountTasksRequest,
      htq.v1.Htq.CountTasksResponse> getCountTasksMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CountTasks",
      requestType = htq.v1.Htq.CountTasksRequest.class,
      responseType = htq.v1.Htq.CountTasksResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<htq.v1.Htq.CountTasksRequest,
      htq.v1.Htq.CountTasksResponse> getCountTasksMethod() {
    io.grpc.MethodDescriptor<htq.v1.Htq.CountTasksRequest, htq.v1.Htq.CountTasksResponse> getCountTasksMethod;
    if ((getCountTasksMethod = HtqServiceGrpc.getCountTasksMethod) == null) {
      synchronized (HtqServiceGrpc.class) {
        if ((getCountTasksMethod = HtqServiceGrpc.getCountTasksMethod) == null) {
          HtqServiceGrpc.getCountTasksMethod = getCountTasksMethod =
              io.grpc.MethodDescriptor.<htq.v1.Htq.CountTasksRequest, htq.v1.Htq.CountTasksResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CountTasks"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.CountTasksRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.CountTasksResponse.getDefaultInstance()))
              .setSchemaDescriptor(new HtqServiceMethodDescriptorSupplier("CountTasks"))
              .build();
        }
      }
    }
    return getCountTasksMethod;
  }

  private static volatile io.grpc.MethodDescriptor<htq.v1.Htq.CancelTaskRequest,
      htq.v1.Htq.Task> getCancelTaskMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CancelTask",
      requestType = htq.v1.Htq.CancelTaskRequest.class,
      responseType = htq.v1.Htq.Task.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<htq.v1.Htq.CancelTaskRequest,
      htq.v1.Htq.Task> getCancelTaskMethod() {
    io.grpc.MethodDescriptor<htq.v1.Htq.CancelTaskRequest, htq.v1.Htq.Task> getCancelTaskMethod;
    if ((getCancelTaskMethod = HtqServiceGrpc.getCancelTaskMethod) == null) {
      synchronized (HtqServiceGrpc.class) {
        if ((getCancelTaskMethod = HtqServiceGrpc.getCancelTaskMethod) == null) {
          HtqServiceGrpc.getCancelTaskMethod = getCancelTaskMethod =
              io.grpc.MethodDescriptor.<htq.v1.Htq.CancelTaskRequest, htq.v1.Htq.Task>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CancelTask"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.CancelTaskRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.Task.getDefaultInstance()))
              .setSchemaDescriptor(new HtqServiceMethodDescriptorSupplier("CancelTask"))
              .build();
        }
      }
    }
    return getCancelTaskMethod;
  }

  private static volatile io.grpc.MethodDescriptor<htq.v1.Htq.WatchQueueRequest,
      htq.v1.Htq.WatchQueueResponse> getWatchQueueMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "WatchQueue",
      requestType = htq.v1.Htq.WatchQueueRequest.class,
      responseType = htq.v1.Htq.WatchQueueResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
  public static io.grpc.MethodDescriptor<htq.v1.Htq.WatchQueueRequest,
      htq.v1.Htq.WatchQueueResponse> getWatchQueueMethod() {
    io.grpc.MethodDescriptor<htq.v1.Htq.WatchQueueRequest, htq.v1.Htq.WatchQueueResponse> getWatchQueueMethod;
    if ((getWatchQueueMethod = HtqServiceGrpc.getWatchQueueMethod) == null) {
      synchronized (HtqServiceGrpc.class) {
        if ((getWatchQueueMethod = HtqServiceGrpc.getWatchQueueMethod) == null) {
          HtqServiceGrpc.getWatchQueueMethod = getWatchQueueMethod =
              io.grpc.MethodDescriptor.<htq.v1.Htq.WatchQueueRequest, htq.v1.Htq.WatchQueueResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "WatchQueue"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.WatchQueueRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.WatchQueueResponse.getDefaultInstance()))
              .setSchemaDescriptor(new HtqServiceMethodDescriptorSupplier("WatchQueue"))
              .build();
        }
      }
    }
    return getWatchQueueMethod;
  }

  private static volatile io.grpc.MethodDescriptor<htq.v1.Htq.PauseQueueRequest,
      htq.v1.Htq.Queue> getPauseQueueMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "PauseQueue",
      requestType = htq.v1.Htq.PauseQueueRequest.class,
      responseType = htq.v1.Htq.Queue.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<htq.v1.Htq.PauseQueueRequest,
      htq.v1.Htq.Queue> getPauseQueueMethod() {
    io.grpc.MethodDescriptor<htq.v1.Htq.PauseQueueRequest, htq.v1.Htq.Queue> getPauseQueueMethod;
    if ((getPauseQueueMethod = HtqServiceGrpc.getPauseQueueMethod) == null) {
      synchronized (HtqServiceGrpc.class) {
        if ((getPauseQueueMethod = HtqServiceGrpc.getPauseQueueMethod) == null) {
          HtqServiceGrpc.getPauseQueueMethod = getPauseQueueMethod =
              io.grpc.MethodDescriptor.<htq.v1.Htq.PauseQueueRequest, htq.v1.Htq.Queue>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "PauseQueue"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.PauseQueueRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.Queue.getDefaultInstance()))
              .setSchemaDescriptor(new HtqServiceMethodDescriptorSupplier("PauseQueue"))
              .build();
        }
      }
    }
    return getPauseQueueMethod;
  }

  private static volatile io.grpc.MethodDescriptor<htq.v1.Htq.ResumeQueueRequest,
      htq.v1.Htq.Queue> getResumeQueueMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ResumeQueue",
      requestType = htq.v1.Htq.ResumeQueueRequest.class,
      responseType = htq.v1.Htq.Queue.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<htq.v1.Htq.ResumeQueueRequest,
      htq.v1.Htq.Queue> getResumeQueueMethod() {
    io.grpc.MethodDescriptor<htq.v1.Htq.ResumeQueueRequest, htq.v1.Htq.Queue> getResumeQueueMethod;
    if ((getResumeQueueMethod = HtqServiceGrpc.getResumeQueueMethod) == null) {
      synchronized (HtqServiceGrpc.class) {
        if ((getResumeQueueMethod = HtqServiceGrpc.getResumeQueueMethod) == null) {
          HtqServiceGrpc.getResumeQueueMethod = getResumeQueueMethod =
              io.grpc.MethodDescriptor.<htq.v1.Htq.ResumeQueueRequest, htq.v1.Htq.Queue>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ResumeQueue"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.ResumeQueueRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.Queue.getDefaultInstance()))
              .setSchemaDescriptor(new HtqServiceMethodDescriptorSupplier("ResumeQueue"))
              .build();
        }
      }
    }
    return getResumeQueueMethod;
  }

  private static volatile io.grpc.MethodDescriptor<htq.v1.Htq.PurgeQueueRequest,
      htq.v1.Htq.PurgeQueueResponse> getPurgeQueueMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "PurgeQueue",
      requestType = htq.v1.Htq.PurgeQueueRequest.class,
      responseType = htq.v1.Htq.PurgeQueueResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<htq.v1.Htq.PurgeQueueRequest,
      htq.v1.Htq.PurgeQueueResponse> getPurgeQueueMethod() {
    io.grpc.MethodDescriptor<htq.v1.Htq.PurgeQueueRequest, htq.v1.Htq.PurgeQueueResponse> getPurgeQueueMethod;
    if ((getPurgeQueueMethod = HtqServiceGrpc.getPurgeQueueMethod) == null) {
      synchronized (HtqServiceGrpc.class) {
        if ((getPurgeQueueMethod = HtqServiceGrpc.getPurgeQueueMethod) == null) {
          HtqServiceGrpc.getPurgeQueueMethod = getPurgeQueueMethod =
              io.grpc.MethodDescriptor.<htq.v1.Htq.PurgeQueueRequest, htq.v1.Htq.PurgeQueueResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "PurgeQueue"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.PurgeQueueRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.PurgeQueueResponse.getDefaultInstance()))
              .setSchemaDescriptor(new HtqServiceMethodDescriptorSupplier("PurgeQueue"))
              .build();
        }
      }
    }
    return getPurgeQueueMethod;
  }

  private static volatile io.grpc.MethodDescriptor<htq.v1.Htq.RunTaskRequest,
      htq.v1.Htq.Task> getRunTaskMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RunTask",
      requestType = htq.v1.Htq.RunTaskRequest.class,
      responseType = htq.v1.Htq.Task.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<htq.v1.Htq.RunTaskRequest,
      htq.v1.Htq.Task> getRunTaskMethod() {
    io.grpc.MethodDescriptor<htq.v1.Htq.RunTaskRequest, htq.v1.Htq.Task> getRunTaskMethod;
    if ((getRunTaskMethod = HtqServiceGrpc.getRunTaskMethod) == null) {
      synchronized (HtqServiceGrpc.class) {
        if ((getRunTaskMethod = HtqServiceGrpc.getRunTaskMethod) == null) {
          HtqServiceGrpc.getRunTaskMethod = getRunTaskMethod =
              io.grpc.MethodDescriptor.<htq.v1.Htq.RunTaskRequest, htq.v1.Htq.Task>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RunTask"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.RunTaskRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.Task.getDefaultInstance()))
              .setSchemaDescriptor(new HtqServiceMethodDescriptorSupplier("RunTask"))
              .build();
        }
      }
    }
    return getRunTaskMethod;
  }

  private static volatile io.grpc.MethodDescriptor<htq.v1.Htq.RetryDeadTaskRequest,
      htq.v1.Htq.Task> getRetryDeadTaskMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RetryDeadTask",
      requestType = htq.v1.Htq.RetryDeadTaskRequest.class,
      responseType = htq.v1.Htq.Task.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<htq.v1.Htq.RetryDeadTaskRequest,
      htq.v1.Htq.Task> getRetryDeadTaskMethod() {
    io.grpc.MethodDescriptor<htq.v1.Htq.RetryDeadTaskRequest, htq.v1.Htq.Task> getRetryDeadTaskMethod;
    if ((getRetryDeadTaskMethod = HtqServiceGrpc.getRetryDeadTaskMethod) == null) {
      synchronized (HtqServiceGrpc.class) {
        if ((getRetryDeadTaskMethod = HtqServiceGrpc.getRetryDeadTaskMethod) == null) {
          HtqServiceGrpc.getRetryDeadTaskMethod = getRetryDeadTaskMethod =
              io.grpc.MethodDescriptor.<htq.v1.Htq.RetryDeadTaskRequest, htq.v1.Htq.Task>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RetryDeadTask"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.RetryDeadTaskRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.Task.getDefaultInstance()))
              .setSchemaDescriptor(new HtqServiceMethodDescriptorSupplier("RetryDeadTask"))
              .build();
        }
      }
    }
    return getRetryDeadTaskMethod;
  }

  private static volatile io.grpc.MethodDescriptor<htq.v1.Htq.RetryAllDeadTasksRequest,
      htq.v1.Htq.RetryAllDeadTasksResponse> getRetryAllDeadTasksMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RetryAllDeadTasks",
      requestType = htq.v1.Htq.RetryAllDeadTasksRequest.class,
      responseType = htq.v1.Htq.RetryAllDeadTasksResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<htq.v1.Htq.RetryAllDeadTasksRequest,
      htq.v1.Htq.RetryAllDeadTasksResponse> getRetryAllDeadTasksMethod() {
    io.grpc.MethodDescriptor<htq.v1.Htq.RetryAllDeadTasksRequest, htq.v1.Htq.RetryAllDeadTasksResponse> getRetryAllDeadTasksMethod;
    if ((getRetryAllDeadTasksMethod = HtqServiceGrpc.getRetryAllDeadTasksMethod) == null) {
      synchronized (HtqServiceGrpc.class) {
        if ((getRetryAllDeadTasksMethod = HtqServiceGrpc.getRetryAllDeadTasksMethod) == null) {
          HtqServiceGrpc.getRetryAllDeadTasksMethod = getRetryAllDeadTasksMethod =
              io.grpc.MethodDescriptor.<htq.v1.Htq.RetryAllDeadTasksRequest, htq.v1.Htq.RetryAllDeadTasksResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RetryAllDeadTasks"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.RetryAllDeadTasksRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.RetryAllDeadTasksResponse.getDefaultInstance()))
              .setSchemaDescriptor(new HtqServiceMethodDescriptorSupplier("RetryAllDeadTasks"))
              .build();
        }
      }
    }
    return getRetryAllDeadTasksMethod;
  }

  private static volatile io.grpc.MethodDescriptor<htq.v1.Htq.DeleteDeadTaskRequest,
      htq.v1.Htq.DeleteDeadTaskResponse> getDeleteDeadTaskMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteDeadTask",
      requestType = htq.v1.Htq.DeleteDeadTaskRequest.class,
      responseType = htq.v1.Htq.DeleteDeadTaskResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<htq.v1.Htq.DeleteDeadTaskRequest,
      htq.v1.Htq.DeleteDeadTaskResponse> getDeleteDeadTaskMethod() {
    io.grpc.MethodDescriptor<htq.v1.Htq.DeleteDeadTaskRequest, htq.v1.Htq.DeleteDeadTaskResponse> getDeleteDeadTaskMethod;
    if ((getDeleteDeadTaskMethod = HtqServiceGrpc.getDeleteDeadTaskMethod) == null) {
      synchronized (HtqServiceGrpc.class) {
        if ((getDeleteDeadTaskMethod = HtqServiceGrpc.getDeleteDeadTaskMethod) == null) {
          HtqServiceGrpc.getDeleteDeadTaskMethod = getDeleteDeadTaskMethod =
              io.grpc.MethodDescriptor.<htq.v1.Htq.DeleteDeadTaskRequest, htq.v1.Htq.DeleteDeadTaskResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteDeadTask"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.DeleteDeadTaskRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.DeleteDeadTaskResponse.getDefaultInstance()))
              .setSchemaDescriptor(new HtqServiceMethodDescriptorSupplier("DeleteDeadTask"))
              .build();
        }
      }
    }
    return getDeleteDeadTaskMethod;
  }

  private static volatile io.grpc.MethodDescriptor<htq.v1.Htq.ReplayTasksRequest,
      htq.v1.Htq.ReplayTasksResponse> getReplayTasksMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ReplayTasks",
      requestType = htq.v1.Htq.ReplayTasksRequest.class,
      responseType = htq.v1.Htq.ReplayTasksResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<htq.v1.Htq.ReplayTasksRequest,
      htq.v1.Htq.ReplayTasksResponse> getReplayTasksMethod() {
    io.grpc.MethodDescriptor<htq.v1.Htq.ReplayTasksRequest, htq.v1.Htq.ReplayTasksResponse> getReplayTasksMethod;
    if ((getReplayTasksMethod = HtqServiceGrpc.getReplayTasksMethod) == null) {
      synchronized (HtqServiceGrpc.class) {
        if ((getReplayTasksMethod = HtqServiceGrpc.getReplayTasksMethod) == null) {
          HtqServiceGrpc.getReplayTasksMethod = getReplayTasksMethod =
              io.grpc.MethodDescriptor.<htq.v1.Htq.ReplayTasksRequest, htq.v1.Htq.ReplayTasksResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ReplayTasks"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.ReplayTasksRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.ReplayTasksResponse.getDefaultInstance()))
              .setSchemaDescriptor(new HtqServiceMethodDescriptorSupplier("ReplayTasks"))
              .build();
        }
      }
    }
    return getReplayTasksMethod;
  }

  private static volatile io.grpc.MethodDescriptor<htq.v1.Htq.CreateScheduleRequest,
      htq.v1.Htq.Schedule> getCreateScheduleMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateSchedule",
      requestType = htq.v1.Htq.CreateScheduleRequest.class,
      responseType = htq.v1.Htq.Schedule.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<htq.v1.Htq.CreateScheduleRequest,
      htq.v1.Htq.Schedule> getCreateScheduleMethod() {
    io.grpc.MethodDescriptor<htq.v1.Htq.CreateScheduleRequest, htq.v1.Htq.Schedule> getCreateScheduleMethod;
    if ((getCreateScheduleMethod = HtqServiceGrpc.getCreateScheduleMethod) == null) {
      synchronized (HtqServiceGrpc.class) {
        if ((getCreateScheduleMethod = HtqServiceGrpc.getCreateScheduleMethod) == null) {
          HtqServiceGrpc.getCreateScheduleMethod = getCreateScheduleMethod =
              io.grpc.MethodDescriptor.<htq.v1.Htq.CreateScheduleRequest, htq.v1.Htq.Schedule>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateSchedule"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.CreateScheduleRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.Schedule.getDefaultInstance()))
              .setSchemaDescriptor(new HtqServiceMethodDescriptorSupplier("CreateSchedule"))
              .build();
        }
      }
    }
    return getCreateScheduleMethod;
  }

  private static volatile io.grpc.MethodDescriptor<htq.v1.Htq.GetScheduleRequest,
      htq.v1.Htq.Schedule> getGetScheduleMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetSchedule",
      requestType = htq.v1.Htq.GetScheduleRequest.class,
      responseType = htq.v1.Htq.Schedule.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<htq.v1.Htq.GetScheduleRequest,
      htq.v1.Htq.Schedule> getGetScheduleMethod() {
    io.grpc.MethodDescriptor<htq.v1.Htq.GetScheduleRequest, htq.v1.Htq.Schedule> getGetScheduleMethod;
    if ((getGetScheduleMethod = HtqServiceGrpc.getGetScheduleMethod) == null) {
      synchronized (HtqServiceGrpc.class) {
        if ((getGetScheduleMethod = HtqServiceGrpc.getGetScheduleMethod) == null) {
          HtqServiceGrpc.getGetScheduleMethod = getGetScheduleMethod =
              io.grpc.MethodDescriptor.<htq.v1.Htq.GetScheduleRequest, htq.v1.Htq.Schedule>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetSchedule"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.GetScheduleRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.Schedule.getDefaultInstance()))
              .setSchemaDescriptor(new HtqServiceMethodDescriptorSupplier("GetSchedule"))
              .build();
        }
      }
    }
    return getGetScheduleMethod;
  }

  private static volatile io.grpc.MethodDescriptor<htq.v1.Htq.ListSchedulesRequest,
      htq.v1.Htq.ListSchedulesResponse> getListSchedulesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListSchedules",
      requestType = htq.v1.Htq.ListSchedulesRequest.class,
      responseType = htq.v1.Htq.ListSchedulesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<htq.v1.Htq.ListSchedulesRequest,
      htq.v1.Htq.ListSchedulesResponse> getListSchedulesMethod() {
    io.grpc.MethodDescriptor<htq.v1.Htq.ListSchedulesRequest, htq.v1.Htq.ListSchedulesResponse> getListSchedulesMethod;
    if ((getListSchedulesMethod = HtqServiceGrpc.getListSchedulesMethod) == null) {
      synchronized (HtqServiceGrpc.class) {
        if ((getListSchedulesMethod = HtqServiceGrpc.getListSchedulesMethod) == null) {
          HtqServiceGrpc.getListSchedulesMethod = getListSchedulesMethod =
              io.grpc.MethodDescriptor.<htq.v1.Htq.ListSchedulesRequest, htq.v1.Htq.ListSchedulesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListSchedules"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.ListSchedulesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.ListSchedulesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new HtqServiceMethodDescriptorSupplier("ListSchedules"))
              .build();
        }
      }
    }
    return getListSchedulesMethod;
  }

  private static volatile io.grpc.MethodDescriptor<htq.v1.Htq.DeleteScheduleRequest,
      htq.v1.Htq.DeleteScheduleResponse> getDeleteScheduleMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteSchedule",
      requestType = htq.v1.Htq.DeleteScheduleRequest.class,
      responseType = htq.v1.Htq.DeleteScheduleResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<htq.v1.Htq.DeleteScheduleRequest,
      htq.v1.Htq.DeleteScheduleResponse> getDeleteScheduleMethod() {
    io.grpc.MethodDescriptor<htq.v1.Htq.DeleteScheduleRequest, htq.v1.Htq.DeleteScheduleResponse> getDeleteScheduleMethod;
    if ((getDeleteScheduleMethod = HtqServiceGrpc.getDeleteScheduleMethod) == null) {
      synchronized (HtqServiceGrpc.class) {
        if ((getDeleteScheduleMethod = HtqServiceGrpc.getDeleteScheduleMethod) == null) {
          HtqServiceGrpc.getDeleteScheduleMethod = getDeleteScheduleMethod =
              io.grpc.MethodDescriptor.<htq.v1.Htq.DeleteScheduleRequest, htq.v1.Htq.DeleteScheduleResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteSchedule"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.DeleteScheduleRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.DeleteScheduleResponse.getDefaultInstance()))
              .setSchemaDescriptor(new HtqServiceMethodDescriptorSupplier("DeleteSchedule"))
              .build();
        }
      }
    }
    return getDeleteScheduleMethod;
  }

  private static volatile io.grpc.MethodDescriptor<htq.v1.Htq.CreateSigningKeyRequest,
      htq.v1.Htq.SigningKey> getCreateSigningKeyMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateSigningKey",
      requestType = htq.v1.Htq.CreateSigningKeyRequest.class,
      responseType = htq.v1.Htq.SigningKey.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<htq.v1.Htq.CreateSigningKeyRequest,
      htq.v1.Htq.SigningKey> getCreateSigningKeyMethod() {
    io.grpc.MethodDescriptor<htq.v1.Htq.CreateSigningKeyRequest, htq.v1.Htq.SigningKey> getCreateSigningKeyMethod;
    if ((getCreateSigningKeyMethod = HtqServiceGrpc.getCreateSigningKeyMethod) == null) {
      synchronized (HtqServiceGrpc.class) {
        if ((getCreateSigningKeyMethod = HtqServiceGrpc.getCreateSigningKeyMethod) == null) {
          HtqServiceGrpc.getCreateSigningKeyMethod = getCreateSigningKeyMethod =
              io.grpc.MethodDescriptor.<htq.v1.Htq.CreateSigningKeyRequest, htq.v1.Htq.SigningKey>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateSigningKey"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.CreateSigningKeyRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.SigningKey.getDefaultInstance()))
              .setSchemaDescriptor(new HtqServiceMethodDescriptorSupplier("CreateSigningKey"))
              .build();
        }
      }
    }
    return getCreateSigningKeyMethod;
  }

  private static volatile io.grpc.MethodDescriptor<htq.v1.Htq.ListSigningKeysRequest,
      htq.v1.Htq.ListSigningKeysResponse> getListSigningKeysMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListSigningKeys",
      requestType = htq.v1.Htq.ListSigningKeysRequest.class,
      responseType = htq.v1.Htq.ListSigningKeysResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<htq.v1.Htq.ListSigningKeysRequest,
      htq.v1.Htq.ListSigningKeysResponse> getListSigningKeysMethod() {
    io.grpc.MethodDescriptor<htq.v1.Htq.ListSigningKeysRequest, htq.v1.Htq.ListSigningKeysResponse> getListSigningKeysMethod;
    if ((getListSigningKeysMethod = HtqServiceGrpc.getListSigningKeysMethod) == null) {
      synchronized (HtqServiceGrpc.class) {
        if ((getListSigningKeysMethod = HtqServiceGrpc.getListSigningKeysMethod) == null) {
          HtqServiceGrpc.getListSigningKeysMethod = getListSigningKeysMethod =
              io.grpc.MethodDescriptor.<htq.v1.Htq.ListSigningKeysRequest, htq.v1.Htq.ListSigningKeysResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListSigningKeys"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.ListSigningKeysRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.ListSigningKeysResponse.getDefaultInstance()))
              .setSchemaDescriptor(new HtqServiceMethodDescriptorSupplier("ListSigningKeys"))
              .build();
        }
      }
    }
    return getListSigningKeysMethod;
  }

  private static volatile io.grpc.MethodDescriptor<htq.v1.Htq.RotateSigningKeyRequest,
      htq.v1.Htq.RotateSigningKeyResponse> getRotateSigningKeyMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RotateSigningKey",
      requestType = htq.v1.Htq.RotateSigningKeyRequest.class,
      responseType = htq.v1.Htq.RotateSigningKeyResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<htq.v1.Htq.RotateSigningKeyRequest,
      htq.v1.Htq.RotateSigningKeyResponse> getRotateSigningKeyMethod() {
    io.grpc.MethodDescriptor<htq.v1.Htq.RotateSigningKeyRequest, htq.v1.Htq.RotateSigningKeyResponse> getRotateSigningKeyMethod;
    if ((getRotateSigningKeyMethod = HtqServiceGrpc.getRotateSigningKeyMethod) == null) {
      synchronized (HtqServiceGrpc.class) {
        if ((getRotateSigningKeyMethod = HtqServiceGrpc.getRotateSigningKeyMethod) == null) {
          HtqServiceGrpc.getRotateSigningKeyMethod = getRotateSigningKeyMethod =
              io.grpc.MethodDescriptor.<htq.v1.Htq.RotateSigningKeyRequest, htq.v1.Htq.RotateSigningKeyResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RotateSigningKey"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.RotateSigningKeyRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.RotateSigningKeyResponse.getDefaultInstance()))
              .setSchemaDescriptor(new HtqServiceMethodDescriptorSupplier("RotateSigningKey"))
              .build();
        }
      }
    }
    return getRotateSigningKeyMethod;
  }

  private static volatile io.grpc.MethodDescriptor<htq.v1.Htq.RetireSigningKeyRequest,
      htq.v1.Htq.RetireSigningKeyResponse> getRetireSigningKeyMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RetireSigningKey",
      requestType = htq.v1.Htq.RetireSigningKeyRequest.class,
      responseType = htq.v1.Htq.RetireSigningKeyResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<htq.v1.Htq.RetireSigningKeyRequest,
      htq.v1.Htq.RetireSigningKeyResponse> getRetireSigningKeyMethod() {
    io.grpc.MethodDescriptor<htq.v1.Htq.RetireSigningKeyRequest, htq.v1.Htq.RetireSigningKeyResponse> getRetireSigningKeyMethod;
    if ((getRetireSigningKeyMethod = HtqServiceGrpc.getRetireSigningKeyMethod) == null) {
      synchronized (HtqServiceGrpc.class) {
        if ((getRetireSigningKeyMethod = HtqServiceGrpc.getRetireSigningKeyMethod) == null) {
          HtqServiceGrpc.getRetireSigningKeyMethod = getRetireSigningKeyMethod =
              io.grpc.MethodDescriptor.<htq.v1.Htq.RetireSigningKeyRequest, htq.v1.Htq.RetireSigningKeyResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RetireSigningKey"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.RetireSigningKeyRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.RetireSigningKeyResponse.getDefaultInstance()))
              .setSchemaDescriptor(new HtqServiceMethodDescriptorSupplier("RetireSigningKey"))
              .build();
        }
      }
    }
    return getRetireSigningKeyMethod;
  }

  private static volatile io.grpc.MethodDescriptor<htq.v1.Htq.CreateTopicRequest,
      htq.v1.Htq.Topic> getCreateTopicMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateTopic",
      requestType = htq.v1.Htq.CreateTopicRequest.class,
      responseType = htq.v1.Htq.Topic.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<htq.v1.Htq.CreateTopicRequest,
      htq.v1.Htq.Topic> getCreateTopicMethod() {
    io.grpc.MethodDescriptor<htq.v1.Htq.CreateTopicRequest, htq.v1.Htq.Topic> getCreateTopicMethod;
    if ((getCreateTopicMethod = HtqServiceGrpc.getCreateTopicMethod) == null) {
      synchronized (HtqServiceGrpc.class) {
        if ((getCreateTopicMethod = HtqServiceGrpc.getCreateTopicMethod) == null) {
          HtqServiceGrpc.getCreateTopicMethod = getCreateTopicMethod =
              io.grpc.MethodDescriptor.<htq.v1.Htq.CreateTopicRequest, htq.v1.Htq.Topic>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateTopic"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.CreateTopicRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.Topic.getDefaultInstance()))
              .setSchemaDescriptor(new HtqServiceMethodDescriptorSupplier("CreateTopic"))
              .build();
        }
      }
    }
    return getCreateTopicMethod;
  }

  private static volatile io.grpc.MethodDescriptor<htq.v1.Htq.GetTopicRequest,
      htq.v1.Htq.Topic> getGetTopicMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetTopic",
      requestType = htq.v1.Htq.GetTopicRequest.class,
      responseType = htq.v1.Htq.Topic.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<htq.v1.Htq.GetTopicRequest,
      htq.v1.Htq.Topic> getGetTopicMethod() {
    io.grpc.MethodDescriptor<htq.v1.Htq.GetTopicRequest, htq.v1.Htq.Topic> getGetTopicMethod;
    if ((getGetTopicMethod = HtqServiceGrpc.getGetTopicMethod) == null) {
      synchronized (HtqServiceGrpc.class) {
        if ((getGetTopicMethod = HtqServiceGrpc.getGetTopicMethod) == null) {
          HtqServiceGrpc.getGetTopicMethod = getGetTopicMethod =
              io.grpc.MethodDescriptor.<htq.v1.Htq.GetTopicRequest, htq.v1.Htq.Topic>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetTopic"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.GetTopicRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.Topic.getDefaultInstance()))
              .setSchemaDescriptor(new HtqServiceMethodDescriptorSupplier("GetTopic"))
              .build();
        }
      }
    }
    return getGetTopicMethod;
  }

  private static volatile io.grpc.MethodDescriptor<htq.v1.Htq.ListTopicsRequest,
      htq.v1.Htq.ListTopicsResponse> getListTopicsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListTopics",
      requestType = htq.v1.Htq.ListTopicsRequest.class,
      responseType = htq.v1.Htq.ListTopicsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<htq.v1.Htq.ListTopicsRequest,
      htq.v1.Htq.ListTopicsResponse> getListTopicsMethod() {
    io.grpc.MethodDescriptor<htq.v1.Htq.ListTopicsRequest, htq.v1.Htq.ListTopicsResponse> getListTopicsMethod;
    if ((getListTopicsMethod = HtqServiceGrpc.getListTopicsMethod) == null) {
      synchronized (HtqServiceGrpc.class) {
        if ((getListTopicsMethod = HtqServiceGrpc.getListTopicsMethod) == null) {
          HtqServiceGrpc.getListTopicsMethod = getListTopicsMethod =
              io.grpc.MethodDescriptor.<htq.v1.Htq.ListTopicsRequest, htq.v1.Htq.ListTopicsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListTopics"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.ListTopicsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.ListTopicsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new HtqServiceMethodDescriptorSupplier("ListTopics"))
              .build();
        }
      }
    }
    return getListTopicsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<htq.v1.Htq.UpdateTopicRequest,
      htq.v1.Htq.Topic> getUpdateTopicMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateTopic",
      requestType = htq.v1.Htq.UpdateTopicRequest.class,
      responseType = htq.v1.Htq.Topic.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<htq.v1.Htq.UpdateTopicRequest,
      htq.v1.Htq.Topic> getUpdateTopicMethod() {
    io.grpc.MethodDescriptor<htq.v1.Htq.UpdateTopicRequest, htq.v1.Htq.Topic> getUpdateTopicMethod;
    if ((getUpdateTopicMethod = HtqServiceGrpc.getUpdateTopicMethod) == null) {
      synchronized (HtqServiceGrpc.class) {
        if ((getUpdateTopicMethod = HtqServiceGrpc.getUpdateTopicMethod) == null) {
          HtqServiceGrpc.getUpdateTopicMethod = getUpdateTopicMethod =
              io.grpc.MethodDescriptor.<htq.v1.Htq.UpdateTopicRequest, htq.v1.Htq.Topic>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateTopic"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.UpdateTopicRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.Topic.getDefaultInstance()))
              .setSchemaDescriptor(new HtqServiceMethodDescriptorSupplier("UpdateTopic"))
              .build();
        }
      }
    }
    return getUpdateTopicMethod;
  }

  private static volatile io.grpc.MethodDescriptor<htq.v1.Htq.DeleteTopicRequest,
      htq.v1.Htq.DeleteTopicResponse> getDeleteTopicMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteTopic",
      requestType = htq.v1.Htq.DeleteTopicRequest.class,
      responseType = htq.v1.Htq.DeleteTopicResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<htq.v1.Htq.DeleteTopicRequest,
      htq.v1.Htq.DeleteTopicResponse> getDeleteTopicMethod() {
    io.grpc.MethodDescriptor<htq.v1.Htq.DeleteTopicRequest, htq.v1.Htq.DeleteTopicResponse> getDeleteTopicMethod;
    if ((getDeleteTopicMethod = HtqServiceGrpc.getDeleteTopicMethod) == null) {
      synchronized (HtqServiceGrpc.class) {
        if ((getDeleteTopicMethod = HtqServiceGrpc.getDeleteTopicMethod) == null) {
          HtqServiceGrpc.getDeleteTopicMethod = getDeleteTopicMethod =
              io.grpc.MethodDescriptor.<htq.v1.Htq.DeleteTopicRequest, htq.v1.Htq.DeleteTopicResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteTopic"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.DeleteTopicRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.DeleteTopicResponse.getDefaultInstance()))
              .setSchemaDescriptor(new HtqServiceMethodDescriptorSupplier("DeleteTopic"))
              .build();
        }
      }
    }
    return getDeleteTopicMethod;
  }

  private static volatile io.grpc.MethodDescriptor<htq.v1.Htq.AddEndpointRequest,
      htq.v1.Htq.Topic> getAddEndpointMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "AddEndpoint",
      requestType = htq.v1.Htq.AddEndpointRequest.class,
      responseType = htq.v1.Htq.Topic.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<htq.v1.Htq.AddEndpointRequest,
      htq.v1.Htq.Topic> getAddEndpointMethod() {
    io.grpc.MethodDescriptor<htq.v1.Htq.AddEndpointRequest, htq.v1.Htq.Topic> getAddEndpointMethod;
    if ((getAddEndpointMethod = HtqServiceGrpc.getAddEndpointMethod) == null) {
      synchronized (HtqServiceGrpc.class) {
        if ((getAddEndpointMethod = HtqServiceGrpc.getAddEndpointMethod) == null) {
          HtqServiceGrpc.getAddEndpointMethod = getAddEndpointMethod =
              io.grpc.MethodDescriptor.<htq.v1.Htq.AddEndpointRequest, htq.v1.Htq.Topic>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "AddEndpoint"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.AddEndpointRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.Topic.getDefaultInstance()))
              .setSchemaDescriptor(new HtqServiceMethodDescriptorSupplier("AddEndpoint"))
              .build();
        }
      }
    }
    return getAddEndpointMethod;
  }

  private static volatile io.grpc.MethodDescriptor<htq.v1.Htq.RemoveEndpointRequest,
      htq.v1.Htq.Topic> getRemoveEndpointMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RemoveEndpoint",
      requestType = htq.v1.Htq.RemoveEndpointRequest.class,
      responseType = htq.v1.Htq.Topic.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<htq.v1.Htq.RemoveEndpointRequest,
      htq.v1.Htq.Topic> getRemoveEndpointMethod() {
    io.grpc.MethodDescriptor<htq.v1.Htq.RemoveEndpointRequest, htq.v1.Htq.Topic> getRemoveEndpointMethod;
    if ((getRemoveEndpointMethod = HtqServiceGrpc.getRemoveEndpointMethod) == null) {
      synchronized (HtqServiceGrpc.class) {
        if ((getRemoveEndpointMethod = HtqServiceGrpc.getRemoveEndpointMethod) == null) {
          HtqServiceGrpc.getRemoveEndpointMethod = getRemoveEndpointMethod =
              io.grpc.MethodDescriptor.<htq.v1.Htq.RemoveEndpointRequest, htq.v1.Htq.Topic>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RemoveEndpoint"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.RemoveEndpointRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.Topic.getDefaultInstance()))
              .setSchemaDescriptor(new HtqServiceMethodDescriptorSupplier("RemoveEndpoint"))
              .build();
        }
      }
    }
    return getRemoveEndpointMethod;
  }

  private static volatile io.grpc.MethodDescriptor<htq.v1.Htq.EnableEndpointRequest,
      htq.v1.Htq.Topic> getEnableEndpointMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "EnableEndpoint",
      requestType = htq.v1.Htq.EnableEndpointRequest.class,
      responseType = htq.v1.Htq.Topic.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<htq.v1.Htq.EnableEndpointRequest,
      htq.v1.Htq.Topic> getEnableEndpointMethod() {
    io.grpc.MethodDescriptor<htq.v1.Htq.EnableEndpointRequest, htq.v1.Htq.Topic> getEnableEndpointMethod;
    if ((getEnableEndpointMethod = HtqServiceGrpc.getEnableEndpointMethod) == null) {
      synchronized (HtqServiceGrpc.class) {
        if ((getEnableEndpointMethod = HtqServiceGrpc.getEnableEndpointMethod) == null) {
          HtqServiceGrpc.getEnableEndpointMethod = getEnableEndpointMethod =
              io.grpc.MethodDescriptor.<htq.v1.Htq.EnableEndpointRequest, htq.v1.Htq.Topic>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "EnableEndpoint"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.EnableEndpointRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.Topic.getDefaultInstance()))
              .setSchemaDescriptor(new HtqServiceMethodDescriptorSupplier("EnableEndpoint"))
              .build();
        }
      }
    }
    return getEnableEndpointMethod;
  }

  private static volatile io.grpc.MethodDescriptor<htq.v1.Htq.PublishRequest,
      htq.v1.Htq.PublishResponse> getPublishMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "Publish",
      requestType = htq.v1.Htq.PublishRequest.class,
      responseType = htq.v1.Htq.PublishResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<htq.v1.Htq.PublishRequest,
      htq.v1.Htq.PublishResponse> getPublishMethod() {
    io.grpc.MethodDescriptor<htq.v1.Htq.PublishRequest, htq.v1.Htq.PublishResponse> getPublishMethod;
    if ((getPublishMethod = HtqServiceGrpc.getPublishMethod) == null) {
      synchronized (HtqServiceGrpc.class) {
        if ((getPublishMethod = HtqServiceGrpc.getPublishMethod) == null) {
          HtqServiceGrpc.getPublishMethod = getPublishMethod =
              io.grpc.MethodDescriptor.<htq.v1.Htq.PublishRequest, htq.v1.Htq.PublishResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "Publish"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.PublishRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.PublishResponse.getDefaultInstance()))
              .setSchemaDescriptor(new HtqServiceMethodDescriptorSupplier("Publish"))
              .build();
        }
      }
    }
    return getPublishMethod;
  }

  private static volatile io.grpc.MethodDescriptor<htq.v1.Htq.PublishBatchRequest,
      htq.v1.Htq.PublishBatchResponse> getPublishBatchMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "PublishBatch",
      requestType = htq.v1.Htq.PublishBatchRequest.class,
      responseType = htq.v1.Htq.PublishBatchResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<htq.v1.Htq.PublishBatchRequest,
      htq.v1.Htq.PublishBatchResponse> getPublishBatchMethod() {
    io.grpc.MethodDescriptor<htq.v1.Htq.PublishBatchRequest, htq.v1.Htq.PublishBatchResponse> getPublishBatchMethod;
    if ((getPublishBatchMethod = HtqServiceGrpc.getPublishBatchMethod) == null) {
      synchronized (HtqServiceGrpc.class) {
        if ((getPublishBatchMethod = HtqServiceGrpc.getPublishBatchMethod) == null) {
          HtqServiceGrpc.getPublishBatchMethod = getPublishBatchMethod =
              io.grpc.MethodDescriptor.<htq.v1.Htq.PublishBatchRequest, htq.v1.Htq.PublishBatchResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "PublishBatch"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.PublishBatchRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.PublishBatchResponse.getDefaultInstance()))
              .setSchemaDescriptor(new HtqServiceMethodDescriptorSupplier("PublishBatch"))
              .build();
        }
      }
    }
    return getPublishBatchMethod;
  }

  private static volatile io.grpc.MethodDescriptor<htq.v1.Htq.GetSystemRequest,
      htq.v1.Htq.SystemInfo> getGetSystemMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetSystem",
      requestType = htq.v1.Htq.GetSystemRequest.class,
      responseType = htq.v1.Htq.SystemInfo.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<htq.v1.Htq.GetSystemRequest,
      htq.v1.Htq.SystemInfo> getGetSystemMethod() {
    io.grpc.MethodDescriptor<htq.v1.Htq.GetSystemRequest, htq.v1.Htq.SystemInfo> getGetSystemMethod;
    if ((getGetSystemMethod = HtqServiceGrpc.getGetSystemMethod) == null) {
      synchronized (HtqServiceGrpc.class) {
        if ((getGetSystemMethod = HtqServiceGrpc.getGetSystemMethod) == null) {
          HtqServiceGrpc.getGetSystemMethod = getGetSystemMethod =
              io.grpc.MethodDescriptor.<htq.v1.Htq.GetSystemRequest, htq.v1.Htq.SystemInfo>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetSystem"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.GetSystemRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.SystemInfo.getDefaultInstance()))
              .setSchemaDescriptor(new HtqServiceMethodDescriptorSupplier("GetSystem"))
              .build();
        }
      }
    }
    return getGetSystemMethod;
  }

  private static volatile io.grpc.MethodDescriptor<htq.v1.Htq.GetHistoryRequest,
      htq.v1.Htq.QueueHistory> getGetHistoryMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetHistory",
      requestType = htq.v1.Htq.GetHistoryRequest.class,
      responseType = htq.v1.Htq.QueueHistory.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<htq.v1.Htq.GetHistoryRequest,
      htq.v1.Htq.QueueHistory> getGetHistoryMethod() {
    io.grpc.MethodDescriptor<htq.v1.Htq.GetHistoryRequest, htq.v1.Htq.QueueHistory> getGetHistoryMethod;
    if ((getGetHistoryMethod = HtqServiceGrpc.getGetHistoryMethod) == null) {
      synchronized (HtqServiceGrpc.class) {
        if ((getGetHistoryMethod = HtqServiceGrpc.getGetHistoryMethod) == null) {
          HtqServiceGrpc.getGetHistoryMethod = getGetHistoryMethod =
              io.grpc.MethodDescriptor.<htq.v1.Htq.GetHistoryRequest, htq.v1.Htq.QueueHistory>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetHistory"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.GetHistoryRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  htq.v1.Htq.QueueHistory.getDefaultInstance()))
              .setSchemaDescriptor(new HtqServiceMethodDescriptorSupplier("GetHistory"))
              .build();
        }
      }
    }
    return getGetHistoryMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static HtqServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<HtqServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<HtqServiceStub>() {
        @java.lang.Override
        public HtqServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new HtqServiceStub(channel, callOptions);
        }
      };
    return HtqServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static HtqServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<HtqServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<HtqServiceBlockingV2Stub>() {
        @java.lang.Override
        public HtqServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new HtqServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return HtqServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static HtqServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<HtqServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<HtqServiceBlockingStub>() {
        @java.lang.Override
        public HtqServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new HtqServiceBlockingStub(channel, callOptions);
        }
      };
    return HtqServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static HtqServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<HtqServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<HtqServiceFutureStub>() {
        @java.lang.Override
        public HtqServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new HtqServiceFutureStub(channel, callOptions);
        }
      };
    return HtqServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * The HTQ service: queues, tasks and their events.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Creates a queue. ALREADY_EXISTS when the name is taken.
     * </pre>
     */
    default void createQueue(htq.v1.Htq.CreateQueueRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.Queue> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateQueueMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns one queue. NOT_FOUND when it does not exist.
     * </pre>
     */
    default void getQueue(htq.v1.Htq.GetQueueRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.Queue> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetQueueMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists queues in name order, a page at a time.
     * </pre>
     */
    default void listQueues(htq.v1.Htq.ListQueuesRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.ListQueuesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListQueuesMethod(), responseObserver);
    }

    /**
     * <pre>
     * Changes the fields named in `update_mask`; takes effect at the next dispatch.
     * </pre>
     */
    default void updateQueue(htq.v1.Htq.UpdateQueueRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.Queue> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateQueueMethod(), responseObserver);
    }

    /**
     * <pre>
     * Deletes a queue and every task in it. Requests already in flight finish,
     * their results are discarded.
     * </pre>
     */
    default void deleteQueue(htq.v1.Htq.DeleteQueueRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.DeleteQueueResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteQueueMethod(), responseObserver);
    }

    /**
     * <pre>
     * Adds one task, due as soon as possible.
     * </pre>
     */
    default void pushTask(htq.v1.Htq.PushTaskRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.PushTaskResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getPushTaskMethod(), responseObserver);
    }

    /**
     * <pre>
     * Adds up to 1,000 tasks in one call: either all are stored or none is.
     * </pre>
     */
    default void pushTasks(htq.v1.Htq.PushTasksRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.PushTasksResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getPushTasksMethod(), responseObserver);
    }

    /**
     * <pre>
     * Adds one task, due at a timestamp or after a delay (at most one year ahead).
     * </pre>
     */
    default void scheduleTask(htq.v1.Htq.ScheduleTaskRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.PushTaskResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getScheduleTaskMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns one task. NOT_FOUND once it has finished or was cancelled, unless the
     * queue retains finished tasks (Queue.retention).
     * </pre>
     */
    default void getTask(htq.v1.Htq.GetTaskRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.Task> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetTaskMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists a queue's tasks in one state, a page at a time.
     * </pre>
     */
    default void listTasks(htq.v1.Htq.ListTasksRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.ListTasksResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListTasksMethod(), responseObserver);
    }

    /**
     * <pre>
     * Counts a queue's tasks by state.
     * </pre>
     */
    default void countTasks(htq.v1.Htq.CountTasksRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.CountTasksResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCountTasksMethod(), responseObserver);
    }

    /**
     * <pre>
     * Removes a task that has not finished. A request already in flight cannot be
     * called back; its result is discarded.
     * </pre>
     */
    default void cancelTask(htq.v1.Htq.CancelTaskRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.Task> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCancelTaskMethod(), responseObserver);
    }

    /**
     * <pre>
     * Streams a queue's events (or every queue's) as they happen, from now or from
     * a cursor, with optional stats snapshots. Events made by any HTQ process on the
     * same Redis reach every watcher.
     * </pre>
     */
    default void watchQueue(htq.v1.Htq.WatchQueueRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.WatchQueueResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getWatchQueueMethod(), responseObserver);
    }

    /**
     * <pre>
     * Stops dispatch from a queue (across every HTQ process); pushes are still taken.
     * Requests already in flight finish.
     * </pre>
     */
    default void pauseQueue(htq.v1.Htq.PauseQueueRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.Queue> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getPauseQueueMethod(), responseObserver);
    }

    /**
     * <pre>
     * Restarts dispatch of a paused queue at once.
     * </pre>
     */
    default void resumeQueue(htq.v1.Htq.ResumeQueueRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.Queue> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getResumeQueueMethod(), responseObserver);
    }

    /**
     * <pre>
     * Removes every task of a queue (waiting, in flight, dead and finished) and keeps
     * the queue and its settings.
     * </pre>
     */
    default void purgeQueue(htq.v1.Htq.PurgeQueueRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.PurgeQueueResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getPurgeQueueMethod(), responseObserver);
    }

    /**
     * <pre>
     * Moves a waiting task to the front of its queue, due now whatever its schedule;
     * a dead task is retried. FAILED_PRECONDITION when its request is in flight or it
     * has finished.
     * </pre>
     */
    default void runTask(htq.v1.Htq.RunTaskRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.Task> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRunTaskMethod(), responseObserver);
    }

    /**
     * <pre>
     * Puts one dead task back in its queue, due now, with a fresh set of attempts.
     * </pre>
     */
    default void retryDeadTask(htq.v1.Htq.RetryDeadTaskRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.Task> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRetryDeadTaskMethod(), responseObserver);
    }

    /**
     * <pre>
     * Puts every dead task of a queue back, due now, with fresh attempts.
     * </pre>
     */
    default void retryAllDeadTasks(htq.v1.Htq.RetryAllDeadTasksRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.RetryAllDeadTasksResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRetryAllDeadTasksMethod(), responseObserver);
    }

    /**
     * <pre>
     * Deletes one dead task for good.
     * </pre>
     */
    default void deleteDeadTask(htq.v1.Htq.DeleteDeadTaskRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.DeleteDeadTaskResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteDeadTaskMethod(), responseObserver);
    }

    /**
     * <pre>
     * Runs again, as new attempts, the dead tasks and the retained finished tasks of
     * a queue that match a filter: each is put back due now with a fresh set of
     * attempts (its attempt history goes on), with a `rescheduled` event, up to a
     * limit per call.
     * </pre>
     */
    default void replayTasks(htq.v1.Htq.ReplayTasksRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.ReplayTasksResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getReplayTasksMethod(), responseObserver);
    }

    /**
     * <pre>
     * Creates a cron schedule: each tick pushes a task made from its template,
     * exactly once across every HTQ process on the same Redis.
     * </pre>
     */
    default void createSchedule(htq.v1.Htq.CreateScheduleRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.Schedule> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateScheduleMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns one schedule. NOT_FOUND when it does not exist.
     * </pre>
     */
    default void getSchedule(htq.v1.Htq.GetScheduleRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.Schedule> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetScheduleMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists schedules in name order, a page at a time.
     * </pre>
     */
    default void listSchedules(htq.v1.Htq.ListSchedulesRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.ListSchedulesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListSchedulesMethod(), responseObserver);
    }

    /**
     * <pre>
     * Deletes a schedule; tasks it pushed already stay.
     * </pre>
     */
    default void deleteSchedule(htq.v1.Htq.DeleteScheduleRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.DeleteScheduleResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteScheduleMethod(), responseObserver);
    }

    /**
     * <pre>
     * Creates a key that signs deliveries (Standard Webhooks 1.0): of one queue, or
     * of every queue when `queue` is empty. The reply carries the HMAC secret; it is
     * never shown again.
     * </pre>
     */
    default void createSigningKey(htq.v1.Htq.CreateSigningKeyRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.SigningKey> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateSigningKeyMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists signing keys (never their secrets).
     * </pre>
     */
    default void listSigningKeys(htq.v1.Htq.ListSigningKeysRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.ListSigningKeysResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListSigningKeysMethod(), responseObserver);
    }

    /**
     * <pre>
     * Adds a key of the same scope and algorithm and sets the keys it replaces to
     * stop signing after an overlap, so receivers switch at their own pace.
     * </pre>
     */
    default void rotateSigningKey(htq.v1.Htq.RotateSigningKeyRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.RotateSigningKeyResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRotateSigningKeyMethod(), responseObserver);
    }

    /**
     * <pre>
     * Removes a signing key at once: deliveries no longer carry its signature.
     * </pre>
     */
    default void retireSigningKey(htq.v1.Htq.RetireSigningKeyRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.RetireSigningKeyResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRetireSigningKeyMethod(), responseObserver);
    }

    /**
     * <pre>
     * Creates a topic: a named list of endpoints that Publish fans out to, each
     * endpoint a queue of its own (see Topic).
     * </pre>
     */
    default void createTopic(htq.v1.Htq.CreateTopicRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.Topic> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateTopicMethod(), responseObserver);
    }

    /**
     * <pre>
     * A topic, with each endpoint's health.
     * </pre>
     */
    default void getTopic(htq.v1.Htq.GetTopicRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.Topic> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetTopicMethod(), responseObserver);
    }

    /**
     * <pre>
     * Every topic, in name order.
     * </pre>
     */
    default void listTopics(htq.v1.Htq.ListTopicsRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.ListTopicsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListTopicsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Changes a topic's settings (those named by update_mask; all given when none);
     * its endpoints' queues take them.
     * </pre>
     */
    default void updateTopic(htq.v1.Htq.UpdateTopicRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.Topic> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateTopicMethod(), responseObserver);
    }

    /**
     * <pre>
     * Deletes a topic and its endpoints' queues, with their tasks.
     * </pre>
     */
    default void deleteTopic(htq.v1.Htq.DeleteTopicRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.DeleteTopicResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteTopicMethod(), responseObserver);
    }

    /**
     * <pre>
     * Adds an endpoint (and its queue) to a topic.
     * </pre>
     */
    default void addEndpoint(htq.v1.Htq.AddEndpointRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.Topic> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getAddEndpointMethod(), responseObserver);
    }

    /**
     * <pre>
     * Removes an endpoint and its queue, with its tasks.
     * </pre>
     */
    default void removeEndpoint(htq.v1.Htq.RemoveEndpointRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.Topic> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRemoveEndpointMethod(), responseObserver);
    }

    /**
     * <pre>
     * Enables a disabled or paused endpoint: its queue resumes, its run of failures
     * starts again from zero.
     * </pre>
     */
    default void enableEndpoint(htq.v1.Htq.EnableEndpointRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.Topic> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getEnableEndpointMethod(), responseObserver);
    }

    /**
     * <pre>
     * Publishes a message: one task per endpoint, all stored by one script.
     * </pre>
     */
    default void publish(htq.v1.Htq.PublishRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.PublishResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getPublishMethod(), responseObserver);
    }

    /**
     * <pre>
     * Publishes several messages to one topic; each as Publish does, all or none.
     * </pre>
     */
    default void publishBatch(htq.v1.Htq.PublishBatchRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.PublishBatchResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getPublishBatchMethod(), responseObserver);
    }

    /**
     * <pre>
     * The HTQ processes connected to this Redis (each keeps a heartbeat there) and
     * what Redis says of itself. Needs a token that reaches every queue.
     * </pre>
     */
    default void getSystem(htq.v1.Htq.GetSystemRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.SystemInfo> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetSystemMethod(), responseObserver);
    }

    /**
     * <pre>
     * A queue's (or every queue's) history over the last minutes, in 5-second
     * steps: dispatches and errors per second, depth, request duration and dispatch
     * delay percentiles. Every process adds what it did, so any process answers the
     * same; kept an hour.
     * </pre>
     */
    default void getHistory(htq.v1.Htq.GetHistoryRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.QueueHistory> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetHistoryMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service HtqService.
   * <pre>
   * The HTQ service: queues, tasks and their events.
   * </pre>
   */
  public static abstract class HtqServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return HtqServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service HtqService.
   * <pre>
   * The HTQ service: queues, tasks and their events.
   * </pre>
   */
  public static final class HtqServiceStub
      extends io.grpc.stub.AbstractAsyncStub<HtqServiceStub> {
    private HtqServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected HtqServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new HtqServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a queue. ALREADY_EXISTS when the name is taken.
     * </pre>
     */
    public void createQueue(htq.v1.Htq.CreateQueueRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.Queue> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateQueueMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns one queue. NOT_FOUND when it does not exist.
     * </pre>
     */
    public void getQueue(htq.v1.Htq.GetQueueRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.Queue> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetQueueMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists queues in name order, a page at a time.
     * </pre>
     */
    public void listQueues(htq.v1.Htq.ListQueuesRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.ListQueuesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListQueuesMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Changes the fields named in `update_mask`; takes effect at the next dispatch.
     * </pre>
     */
    public void updateQueue(htq.v1.Htq.UpdateQueueRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.Queue> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateQueueMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Deletes a queue and every task in it. Requests already in flight finish,
     * their results are discarded.
     * </pre>
     */
    public void deleteQueue(htq.v1.Htq.DeleteQueueRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.DeleteQueueResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteQueueMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Adds one task, due as soon as possible.
     * </pre>
     */
    public void pushTask(htq.v1.Htq.PushTaskRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.PushTaskResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getPushTaskMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Adds up to 1,000 tasks in one call: either all are stored or none is.
     * </pre>
     */
    public void pushTasks(htq.v1.Htq.PushTasksRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.PushTasksResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getPushTasksMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Adds one task, due at a timestamp or after a delay (at most one year ahead).
     * </pre>
     */
    public void scheduleTask(htq.v1.Htq.ScheduleTaskRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.PushTaskResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getScheduleTaskMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns one task. NOT_FOUND once it has finished or was cancelled, unless the
     * queue retains finished tasks (Queue.retention).
     * </pre>
     */
    public void getTask(htq.v1.Htq.GetTaskRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.Task> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetTaskMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists a queue's tasks in one state, a page at a time.
     * </pre>
     */
    public void listTasks(htq.v1.Htq.ListTasksRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.ListTasksResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListTasksMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Counts a queue's tasks by state.
     * </pre>
     */
    public void countTasks(htq.v1.Htq.CountTasksRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.CountTasksResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCountTasksMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Removes a task that has not finished. A request already in flight cannot be
     * called back; its result is discarded.
     * </pre>
     */
    public void cancelTask(htq.v1.Htq.CancelTaskRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.Task> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCancelTaskMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Streams a queue's events (or every queue's) as they happen, from now or from
     * a cursor, with optional stats snapshots. Events made by any HTQ process on the
     * same Redis reach every watcher.
     * </pre>
     */
    public void watchQueue(htq.v1.Htq.WatchQueueRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.WatchQueueResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncServerStreamingCall(
          getChannel().newCall(getWatchQueueMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Stops dispatch from a queue (across every HTQ process); pushes are still taken.
     * Requests already in flight finish.
     * </pre>
     */
    public void pauseQueue(htq.v1.Htq.PauseQueueRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.Queue> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getPauseQueueMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Restarts dispatch of a paused queue at once.
     * </pre>
     */
    public void resumeQueue(htq.v1.Htq.ResumeQueueRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.Queue> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getResumeQueueMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Removes every task of a queue (waiting, in flight, dead and finished) and keeps
     * the queue and its settings.
     * </pre>
     */
    public void purgeQueue(htq.v1.Htq.PurgeQueueRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.PurgeQueueResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getPurgeQueueMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Moves a waiting task to the front of its queue, due now whatever its schedule;
     * a dead task is retried. FAILED_PRECONDITION when its request is in flight or it
     * has finished.
     * </pre>
     */
    public void runTask(htq.v1.Htq.RunTaskRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.Task> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRunTaskMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Puts one dead task back in its queue, due now, with a fresh set of attempts.
     * </pre>
     */
    public void retryDeadTask(htq.v1.Htq.RetryDeadTaskRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.Task> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRetryDeadTaskMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Puts every dead task of a queue back, due now, with fresh attempts.
     * </pre>
     */
    public void retryAllDeadTasks(htq.v1.Htq.RetryAllDeadTasksRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.RetryAllDeadTasksResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRetryAllDeadTasksMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Deletes one dead task for good.
     * </pre>
     */
    public void deleteDeadTask(htq.v1.Htq.DeleteDeadTaskRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.DeleteDeadTaskResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteDeadTaskMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Runs again, as new attempts, the dead tasks and the retained finished tasks of
     * a queue that match a filter: each is put back due now with a fresh set of
     * attempts (its attempt history goes on), with a `rescheduled` event, up to a
     * limit per call.
     * </pre>
     */
    public void replayTasks(htq.v1.Htq.ReplayTasksRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.ReplayTasksResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getReplayTasksMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Creates a cron schedule: each tick pushes a task made from its template,
     * exactly once across every HTQ process on the same Redis.
     * </pre>
     */
    public void createSchedule(htq.v1.Htq.CreateScheduleRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.Schedule> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateScheduleMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns one schedule. NOT_FOUND when it does not exist.
     * </pre>
     */
    public void getSchedule(htq.v1.Htq.GetScheduleRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.Schedule> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetScheduleMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists schedules in name order, a page at a time.
     * </pre>
     */
    public void listSchedules(htq.v1.Htq.ListSchedulesRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.ListSchedulesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListSchedulesMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Deletes a schedule; tasks it pushed already stay.
     * </pre>
     */
    public void deleteSchedule(htq.v1.Htq.DeleteScheduleRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.DeleteScheduleResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteScheduleMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Creates a key that signs deliveries (Standard Webhooks 1.0): of one queue, or
     * of every queue when `queue` is empty. The reply carries the HMAC secret; it is
     * never shown again.
     * </pre>
     */
    public void createSigningKey(htq.v1.Htq.CreateSigningKeyRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.SigningKey> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateSigningKeyMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists signing keys (never their secrets).
     * </pre>
     */
    public void listSigningKeys(htq.v1.Htq.ListSigningKeysRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.ListSigningKeysResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListSigningKeysMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Adds a key of the same scope and algorithm and sets the keys it replaces to
     * stop signing after an overlap, so receivers switch at their own pace.
     * </pre>
     */
    public void rotateSigningKey(htq.v1.Htq.RotateSigningKeyRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.RotateSigningKeyResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRotateSigningKeyMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Removes a signing key at once: deliveries no longer carry its signature.
     * </pre>
     */
    public void retireSigningKey(htq.v1.Htq.RetireSigningKeyRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.RetireSigningKeyResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRetireSigningKeyMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Creates a topic: a named list of endpoints that Publish fans out to, each
     * endpoint a queue of its own (see Topic).
     * </pre>
     */
    public void createTopic(htq.v1.Htq.CreateTopicRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.Topic> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateTopicMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * A topic, with each endpoint's health.
     * </pre>
     */
    public void getTopic(htq.v1.Htq.GetTopicRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.Topic> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetTopicMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Every topic, in name order.
     * </pre>
     */
    public void listTopics(htq.v1.Htq.ListTopicsRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.ListTopicsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListTopicsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Changes a topic's settings (those named by update_mask; all given when none);
     * its endpoints' queues take them.
     * </pre>
     */
    public void updateTopic(htq.v1.Htq.UpdateTopicRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.Topic> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateTopicMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Deletes a topic and its endpoints' queues, with their tasks.
     * </pre>
     */
    public void deleteTopic(htq.v1.Htq.DeleteTopicRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.DeleteTopicResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteTopicMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Adds an endpoint (and its queue) to a topic.
     * </pre>
     */
    public void addEndpoint(htq.v1.Htq.AddEndpointRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.Topic> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getAddEndpointMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Removes an endpoint and its queue, with its tasks.
     * </pre>
     */
    public void removeEndpoint(htq.v1.Htq.RemoveEndpointRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.Topic> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRemoveEndpointMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Enables a disabled or paused endpoint: its queue resumes, its run of failures
     * starts again from zero.
     * </pre>
     */
    public void enableEndpoint(htq.v1.Htq.EnableEndpointRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.Topic> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getEnableEndpointMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Publishes a message: one task per endpoint, all stored by one script.
     * </pre>
     */
    public void publish(htq.v1.Htq.PublishRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.PublishResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getPublishMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Publishes several messages to one topic; each as Publish does, all or none.
     * </pre>
     */
    public void publishBatch(htq.v1.Htq.PublishBatchRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.PublishBatchResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getPublishBatchMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * The HTQ processes connected to this Redis (each keeps a heartbeat there) and
     * what Redis says of itself. Needs a token that reaches every queue.
     * </pre>
     */
    public void getSystem(htq.v1.Htq.GetSystemRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.SystemInfo> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetSystemMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * A queue's (or every queue's) history over the last minutes, in 5-second
     * steps: dispatches and errors per second, depth, request duration and dispatch
     * delay percentiles. Every process adds what it did, so any process answers the
     * same; kept an hour.
     * </pre>
     */
    public void getHistory(htq.v1.Htq.GetHistoryRequest request,
        io.grpc.stub.StreamObserver<htq.v1.Htq.QueueHistory> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetHistoryMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service HtqService.
   * <pre>
   * The HTQ service: queues, tasks and their events.
   * </pre>
   */
  public static final class HtqServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<HtqServiceBlockingV2Stub> {
    private HtqServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected HtqServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new HtqServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a queue. ALREADY_EXISTS when the name is taken.
     * </pre>
     */
    public htq.v1.Htq.Queue createQueue(htq.v1.Htq.CreateQueueRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCreateQueueMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one queue. NOT_FOUND when it does not exist.
     * </pre>
     */
    public htq.v1.Htq.Queue getQueue(htq.v1.Htq.GetQueueRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetQueueMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists queues in name order, a page at a time.
     * </pre>
     */
    public htq.v1.Htq.ListQueuesResponse listQueues(htq.v1.Htq.ListQueuesRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListQueuesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Changes the fields named in `update_mask`; takes effect at the next dispatch.
     * </pre>
     */
    public htq.v1.Htq.Queue updateQueue(htq.v1.Htq.UpdateQueueRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getUpdateQueueMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes a queue and every task in it. Requests already in flight finish,
     * their results are discarded.
     * </pre>
     */
    public htq.v1.Htq.DeleteQueueResponse deleteQueue(htq.v1.Htq.DeleteQueueRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getDeleteQueueMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Adds one task, due as soon as possible.
     * </pre>
     */
    public htq.v1.Htq.PushTaskResponse pushTask(htq.v1.Htq.PushTaskRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getPushTaskMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Adds up to 1,000 tasks in one call: either all are stored or none is.
     * </pre>
     */
    public htq.v1.Htq.PushTasksResponse pushTasks(htq.v1.Htq.PushTasksRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getPushTasksMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Adds one task, due at a timestamp or after a delay (at most one year ahead).
     * </pre>
     */
    public htq.v1.Htq.PushTaskResponse scheduleTask(htq.v1.Htq.ScheduleTaskRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getScheduleTaskMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one task. NOT_FOUND once it has finished or was cancelled, unless the
     * queue retains finished tasks (Queue.retention).
     * </pre>
     */
    public htq.v1.Htq.Task getTask(htq.v1.Htq.GetTaskRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetTaskMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists a queue's tasks in one state, a page at a time.
     * </pre>
     */
    public htq.v1.Htq.ListTasksResponse listTasks(htq.v1.Htq.ListTasksRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListTasksMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Counts a queue's tasks by state.
     * </pre>
     */
    public htq.v1.Htq.CountTasksResponse countTasks(htq.v1.Htq.CountTasksRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCountTasksMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Removes a task that has not finished. A request already in flight cannot be
     * called back; its result is discarded.
     * </pre>
     */
    public htq.v1.Htq.Task cancelTask(htq.v1.Htq.CancelTaskRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCancelTaskMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Streams a queue's events (or every queue's) as they happen, from now or from
     * a cursor, with optional stats snapshots. Events made by any HTQ process on the
     * same Redis reach every watcher.
     * </pre>
     */
    @io.grpc.ExperimentalApi("https://github.com/grpc/grpc-java/issues/10918")
    public io.grpc.stub.BlockingClientCall<?, htq.v1.Htq.WatchQueueResponse>
        watchQueue(htq.v1.Htq.WatchQueueRequest request) {
      return io.grpc.stub.ClientCalls.blockingV2ServerStreamingCall(
          getChannel(), getWatchQueueMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Stops dispatch from a queue (across every HTQ process); pushes are still taken.
     * Requests already in flight finish.
     * </pre>
     */
    public htq.v1.Htq.Queue pauseQueue(htq.v1.Htq.PauseQueueRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getPauseQueueMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Restarts dispatch of a paused queue at once.
     * </pre>
     */
    public htq.v1.Htq.Queue resumeQueue(htq.v1.Htq.ResumeQueueRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getResumeQueueMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Removes every task of a queue (waiting, in flight, dead and finished) and keeps
     * the queue and its settings.
     * </pre>
     */
    public htq.v1.Htq.PurgeQueueResponse purgeQueue(htq.v1.Htq.PurgeQueueRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getPurgeQueueMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Moves a waiting task to the front of its queue, due now whatever its schedule;
     * a dead task is retried. FAILED_PRECONDITION when its request is in flight or it
     * has finished.
     * </pre>
     */
    public htq.v1.Htq.Task runTask(htq.v1.Htq.RunTaskRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRunTaskMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Puts one dead task back in its queue, due now, with a fresh set of attempts.
     * </pre>
     */
    public htq.v1.Htq.Task retryDeadTask(htq.v1.Htq.RetryDeadTaskRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRetryDeadTaskMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Puts every dead task of a queue back, due now, with fresh attempts.
     * </pre>
     */
    public htq.v1.Htq.RetryAllDeadTasksResponse retryAllDeadTasks(htq.v1.Htq.RetryAllDeadTasksRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRetryAllDeadTasksMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes one dead task for good.
     * </pre>
     */
    public htq.v1.Htq.DeleteDeadTaskResponse deleteDeadTask(htq.v1.Htq.DeleteDeadTaskRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getDeleteDeadTaskMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Runs again, as new attempts, the dead tasks and the retained finished tasks of
     * a queue that match a filter: each is put back due now with a fresh set of
     * attempts (its attempt history goes on), with a `rescheduled` event, up to a
     * limit per call.
     * </pre>
     */
    public htq.v1.Htq.ReplayTasksResponse replayTasks(htq.v1.Htq.ReplayTasksRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getReplayTasksMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Creates a cron schedule: each tick pushes a task made from its template,
     * exactly once across every HTQ process on the same Redis.
     * </pre>
     */
    public htq.v1.Htq.Schedule createSchedule(htq.v1.Htq.CreateScheduleRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCreateScheduleMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one schedule. NOT_FOUND when it does not exist.
     * </pre>
     */
    public htq.v1.Htq.Schedule getSchedule(htq.v1.Htq.GetScheduleRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetScheduleMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists schedules in name order, a page at a time.
     * </pre>
     */
    public htq.v1.Htq.ListSchedulesResponse listSchedules(htq.v1.Htq.ListSchedulesRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListSchedulesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes a schedule; tasks it pushed already stay.
     * </pre>
     */
    public htq.v1.Htq.DeleteScheduleResponse deleteSchedule(htq.v1.Htq.DeleteScheduleRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getDeleteScheduleMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Creates a key that signs deliveries (Standard Webhooks 1.0): of one queue, or
     * of every queue when `queue` is empty. The reply carries the HMAC secret; it is
     * never shown again.
     * </pre>
     */
    public htq.v1.Htq.SigningKey createSigningKey(htq.v1.Htq.CreateSigningKeyRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCreateSigningKeyMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists signing keys (never their secrets).
     * </pre>
     */
    public htq.v1.Htq.ListSigningKeysResponse listSigningKeys(htq.v1.Htq.ListSigningKeysRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListSigningKeysMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Adds a key of the same scope and algorithm and sets the keys it replaces to
     * stop signing after an overlap, so receivers switch at their own pace.
     * </pre>
     */
    public htq.v1.Htq.RotateSigningKeyResponse rotateSigningKey(htq.v1.Htq.RotateSigningKeyRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRotateSigningKeyMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Removes a signing key at once: deliveries no longer carry its signature.
     * </pre>
     */
    public htq.v1.Htq.RetireSigningKeyResponse retireSigningKey(htq.v1.Htq.RetireSigningKeyRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRetireSigningKeyMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Creates a topic: a named list of endpoints that Publish fans out to, each
     * endpoint a queue of its own (see Topic).
     * </pre>
     */
    public htq.v1.Htq.Topic createTopic(htq.v1.Htq.CreateTopicRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCreateTopicMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * A topic, with each endpoint's health.
     * </pre>
     */
    public htq.v1.Htq.Topic getTopic(htq.v1.Htq.GetTopicRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetTopicMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Every topic, in name order.
     * </pre>
     */
    public htq.v1.Htq.ListTopicsResponse listTopics(htq.v1.Htq.ListTopicsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListTopicsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Changes a topic's settings (those named by update_mask; all given when none);
     * its endpoints' queues take them.
     * </pre>
     */
    public htq.v1.Htq.Topic updateTopic(htq.v1.Htq.UpdateTopicRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getUpdateTopicMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes a topic and its endpoints' queues, with their tasks.
     * </pre>
     */
    public htq.v1.Htq.DeleteTopicResponse deleteTopic(htq.v1.Htq.DeleteTopicRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getDeleteTopicMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Adds an endpoint (and its queue) to a topic.
     * </pre>
     */
    public htq.v1.Htq.Topic addEndpoint(htq.v1.Htq.AddEndpointRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getAddEndpointMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Removes an endpoint and its queue, with its tasks.
     * </pre>
     */
    public htq.v1.Htq.Topic removeEndpoint(htq.v1.Htq.RemoveEndpointRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRemoveEndpointMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Enables a disabled or paused endpoint: its queue resumes, its run of failures
     * starts again from zero.
     * </pre>
     */
    public htq.v1.Htq.Topic enableEndpoint(htq.v1.Htq.EnableEndpointRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getEnableEndpointMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Publishes a message: one task per endpoint, all stored by one script.
     * </pre>
     */
    public htq.v1.Htq.PublishResponse publish(htq.v1.Htq.PublishRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getPublishMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Publishes several messages to one topic; each as Publish does, all or none.
     * </pre>
     */
    public htq.v1.Htq.PublishBatchResponse publishBatch(htq.v1.Htq.PublishBatchRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getPublishBatchMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The HTQ processes connected to this Redis (each keeps a heartbeat there) and
     * what Redis says of itself. Needs a token that reaches every queue.
     * </pre>
     */
    public htq.v1.Htq.SystemInfo getSystem(htq.v1.Htq.GetSystemRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetSystemMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * A queue's (or every queue's) history over the last minutes, in 5-second
     * steps: dispatches and errors per second, depth, request duration and dispatch
     * delay percentiles. Every process adds what it did, so any process answers the
     * same; kept an hour.
     * </pre>
     */
    public htq.v1.Htq.QueueHistory getHistory(htq.v1.Htq.GetHistoryRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetHistoryMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service HtqService.
   * <pre>
   * The HTQ service: queues, tasks and their events.
   * </pre>
   */
  public static final class HtqServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<HtqServiceBlockingStub> {
    private HtqServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected HtqServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new HtqServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a queue. ALREADY_EXISTS when the name is taken.
     * </pre>
     */
    public htq.v1.Htq.Queue createQueue(htq.v1.Htq.CreateQueueRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateQueueMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one queue. NOT_FOUND when it does not exist.
     * </pre>
     */
    public htq.v1.Htq.Queue getQueue(htq.v1.Htq.GetQueueRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetQueueMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists queues in name order, a page at a time.
     * </pre>
     */
    public htq.v1.Htq.ListQueuesResponse listQueues(htq.v1.Htq.ListQueuesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListQueuesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Changes the fields named in `update_mask`; takes effect at the next dispatch.
     * </pre>
     */
    public htq.v1.Htq.Queue updateQueue(htq.v1.Htq.UpdateQueueRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateQueueMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes a queue and every task in it. Requests already in flight finish,
     * their results are discarded.
     * </pre>
     */
    public htq.v1.Htq.DeleteQueueResponse deleteQueue(htq.v1.Htq.DeleteQueueRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteQueueMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Adds one task, due as soon as possible.
     * </pre>
     */
    public htq.v1.Htq.PushTaskResponse pushTask(htq.v1.Htq.PushTaskRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getPushTaskMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Adds up to 1,000 tasks in one call: either all are stored or none is.
     * </pre>
     */
    public htq.v1.Htq.PushTasksResponse pushTasks(htq.v1.Htq.PushTasksRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getPushTasksMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Adds one task, due at a timestamp or after a delay (at most one year ahead).
     * </pre>
     */
    public htq.v1.Htq.PushTaskResponse scheduleTask(htq.v1.Htq.ScheduleTaskRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getScheduleTaskMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one task. NOT_FOUND once it has finished or was cancelled, unless the
     * queue retains finished tasks (Queue.retention).
     * </pre>
     */
    public htq.v1.Htq.Task getTask(htq.v1.Htq.GetTaskRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetTaskMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists a queue's tasks in one state, a page at a time.
     * </pre>
     */
    public htq.v1.Htq.ListTasksResponse listTasks(htq.v1.Htq.ListTasksRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListTasksMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Counts a queue's tasks by state.
     * </pre>
     */
    public htq.v1.Htq.CountTasksResponse countTasks(htq.v1.Htq.CountTasksRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCountTasksMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Removes a task that has not finished. A request already in flight cannot be
     * called back; its result is discarded.
     * </pre>
     */
    public htq.v1.Htq.Task cancelTask(htq.v1.Htq.CancelTaskRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCancelTaskMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Streams a queue's events (or every queue's) as they happen, from now or from
     * a cursor, with optional stats snapshots. Events made by any HTQ process on the
     * same Redis reach every watcher.
     * </pre>
     */
    public java.util.Iterator<htq.v1.Htq.WatchQueueResponse> watchQueue(
        htq.v1.Htq.WatchQueueRequest request) {
      return io.grpc.stub.ClientCalls.blockingServerStreamingCall(
          getChannel(), getWatchQueueMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Stops dispatch from a queue (across every HTQ process); pushes are still taken.
     * Requests already in flight finish.
     * </pre>
     */
    public htq.v1.Htq.Queue pauseQueue(htq.v1.Htq.PauseQueueRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getPauseQueueMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Restarts dispatch of a paused queue at once.
     * </pre>
     */
    public htq.v1.Htq.Queue resumeQueue(htq.v1.Htq.ResumeQueueRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getResumeQueueMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Removes every task of a queue (waiting, in flight, dead and finished) and keeps
     * the queue and its settings.
     * </pre>
     */
    public htq.v1.Htq.PurgeQueueResponse purgeQueue(htq.v1.Htq.PurgeQueueRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getPurgeQueueMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Moves a waiting task to the front of its queue, due now whatever its schedule;
     * a dead task is retried. FAILED_PRECONDITION when its request is in flight or it
     * has finished.
     * </pre>
     */
    public htq.v1.Htq.Task runTask(htq.v1.Htq.RunTaskRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRunTaskMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Puts one dead task back in its queue, due now, with a fresh set of attempts.
     * </pre>
     */
    public htq.v1.Htq.Task retryDeadTask(htq.v1.Htq.RetryDeadTaskRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRetryDeadTaskMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Puts every dead task of a queue back, due now, with fresh attempts.
     * </pre>
     */
    public htq.v1.Htq.RetryAllDeadTasksResponse retryAllDeadTasks(htq.v1.Htq.RetryAllDeadTasksRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRetryAllDeadTasksMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes one dead task for good.
     * </pre>
     */
    public htq.v1.Htq.DeleteDeadTaskResponse deleteDeadTask(htq.v1.Htq.DeleteDeadTaskRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteDeadTaskMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Runs again, as new attempts, the dead tasks and the retained finished tasks of
     * a queue that match a filter: each is put back due now with a fresh set of
     * attempts (its attempt history goes on), with a `rescheduled` event, up to a
     * limit per call.
     * </pre>
     */
    public htq.v1.Htq.ReplayTasksResponse replayTasks(htq.v1.Htq.ReplayTasksRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getReplayTasksMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Creates a cron schedule: each tick pushes a task made from its template,
     * exactly once across every HTQ process on the same Redis.
     * </pre>
     */
    public htq.v1.Htq.Schedule createSchedule(htq.v1.Htq.CreateScheduleRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateScheduleMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one schedule. NOT_FOUND when it does not exist.
     * </pre>
     */
    public htq.v1.Htq.Schedule getSchedule(htq.v1.Htq.GetScheduleRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetScheduleMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists schedules in name order, a page at a time.
     * </pre>
     */
    public htq.v1.Htq.ListSchedulesResponse listSchedules(htq.v1.Htq.ListSchedulesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListSchedulesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes a schedule; tasks it pushed already stay.
     * </pre>
     */
    public htq.v1.Htq.DeleteScheduleResponse deleteSchedule(htq.v1.Htq.DeleteScheduleRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteScheduleMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Creates a key that signs deliveries (Standard Webhooks 1.0): of one queue, or
     * of every queue when `queue` is empty. The reply carries the HMAC secret; it is
     * never shown again.
     * </pre>
     */
    public htq.v1.Htq.SigningKey createSigningKey(htq.v1.Htq.CreateSigningKeyRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateSigningKeyMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists signing keys (never their secrets).
     * </pre>
     */
    public htq.v1.Htq.ListSigningKeysResponse listSigningKeys(htq.v1.Htq.ListSigningKeysRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListSigningKeysMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Adds a key of the same scope and algorithm and sets the keys it replaces to
     * stop signing after an overlap, so receivers switch at their own pace.
     * </pre>
     */
    public htq.v1.Htq.RotateSigningKeyResponse rotateSigningKey(htq.v1.Htq.RotateSigningKeyRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRotateSigningKeyMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Removes a signing key at once: deliveries no longer carry its signature.
     * </pre>
     */
    public htq.v1.Htq.RetireSigningKeyResponse retireSigningKey(htq.v1.Htq.RetireSigningKeyRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRetireSigningKeyMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Creates a topic: a named list of endpoints that Publish fans out to, each
     * endpoint a queue of its own (see Topic).
     * </pre>
     */
    public htq.v1.Htq.Topic createTopic(htq.v1.Htq.CreateTopicRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateTopicMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * A topic, with each endpoint's health.
     * </pre>
     */
    public htq.v1.Htq.Topic getTopic(htq.v1.Htq.GetTopicRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetTopicMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Every topic, in name order.
     * </pre>
     */
    public htq.v1.Htq.ListTopicsResponse listTopics(htq.v1.Htq.ListTopicsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListTopicsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Changes a topic's settings (those named by update_mask; all given when none);
     * its endpoints' queues take them.
     * </pre>
     */
    public htq.v1.Htq.Topic updateTopic(htq.v1.Htq.UpdateTopicRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateTopicMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes a topic and its endpoints' queues, with their tasks.
     * </pre>
     */
    public htq.v1.Htq.DeleteTopicResponse deleteTopic(htq.v1.Htq.DeleteTopicRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteTopicMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Adds an endpoint (and its queue) to a topic.
     * </pre>
     */
    public htq.v1.Htq.Topic addEndpoint(htq.v1.Htq.AddEndpointRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getAddEndpointMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Removes an endpoint and its queue, with its tasks.
     * </pre>
     */
    public htq.v1.Htq.Topic removeEndpoint(htq.v1.Htq.RemoveEndpointRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRemoveEndpointMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Enables a disabled or paused endpoint: its queue resumes, its run of failures
     * starts again from zero.
     * </pre>
     */
    public htq.v1.Htq.Topic enableEndpoint(htq.v1.Htq.EnableEndpointRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getEnableEndpointMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Publishes a message: one task per endpoint, all stored by one script.
     * </pre>
     */
    public htq.v1.Htq.PublishResponse publish(htq.v1.Htq.PublishRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getPublishMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Publishes several messages to one topic; each as Publish does, all or none.
     * </pre>
     */
    public htq.v1.Htq.PublishBatchResponse publishBatch(htq.v1.Htq.PublishBatchRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getPublishBatchMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The HTQ processes connected to this Redis (each keeps a heartbeat there) and
     * what Redis says of itself. Needs a token that reaches every queue.
     * </pre>
     */
    public htq.v1.Htq.SystemInfo getSystem(htq.v1.Htq.GetSystemRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetSystemMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * A queue's (or every queue's) history over the last minutes, in 5-second
     * steps: dispatches and errors per second, depth, request duration and dispatch
     * delay percentiles. Every process adds what it did, so any process answers the
     * same; kept an hour.
     * </pre>
     */
    public htq.v1.Htq.QueueHistory getHistory(htq.v1.Htq.GetHistoryRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetHistoryMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service HtqService.
   * <pre>
   * The HTQ service: queues, tasks and their events.
   * </pre>
   */
  public static final class HtqServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<HtqServiceFutureStub> {
    private HtqServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected HtqServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new HtqServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a queue. ALREADY_EXISTS when the name is taken.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<htq.v1.Htq.Queue> createQueue(
        htq.v1.Htq.CreateQueueRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateQueueMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns one queue. NOT_FOUND when it does not exist.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<htq.v1.Htq.Queue> getQueue(
        htq.v1.Htq.GetQueueRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetQueueMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists queues in name order, a page at a time.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<htq.v1.Htq.ListQueuesResponse> listQueues(
        htq.v1.Htq.ListQueuesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListQueuesMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Changes the fields named in `update_mask`; takes effect at the next dispatch.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<htq.v1.Htq.Queue> updateQueue(
        htq.v1.Htq.UpdateQueueRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateQueueMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Deletes a queue and every task in it. Requests already in flight finish,
     * their results are discarded.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<htq.v1.Htq.DeleteQueueResponse> deleteQueue(
        htq.v1.Htq.DeleteQueueRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteQueueMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Adds one task, due as soon as possible.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<htq.v1.Htq.PushTaskResponse> pushTask(
        htq.v1.Htq.PushTaskRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getPushTaskMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Adds up to 1,000 tasks in one call: either all are stored or none is.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<htq.v1.Htq.PushTasksResponse> pushTasks(
        htq.v1.Htq.PushTasksRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getPushTasksMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Adds one task, due at a timestamp or after a delay (at most one year ahead).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<htq.v1.Htq.PushTaskResponse> scheduleTask(
        htq.v1.Htq.ScheduleTaskRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getScheduleTaskMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns one task. NOT_FOUND once it has finished or was cancelled, unless the
     * queue retains finished tasks (Queue.retention).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<htq.v1.Htq.Task> getTask(
        htq.v1.Htq.GetTaskRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetTaskMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists a queue's tasks in one state, a page at a time.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<htq.v1.Htq.ListTasksResponse> listTasks(
        htq.v1.Htq.ListTasksRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListTasksMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Counts a queue's tasks by state.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<htq.v1.Htq.CountTasksResponse> countTasks(
        htq.v1.Htq.CountTasksRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCountTasksMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Removes a task that has not finished. A request already in flight cannot be
     * called back; its result is discarded.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<htq.v1.Htq.Task> cancelTask(
        htq.v1.Htq.CancelTaskRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCancelTaskMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Stops dispatch from a queue (across every HTQ process); pushes are still taken.
     * Requests already in flight finish.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<htq.v1.Htq.Queue> pauseQueue(
        htq.v1.Htq.PauseQueueRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getPauseQueueMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Restarts dispatch of a paused queue at once.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<htq.v1.Htq.Queue> resumeQueue(
        htq.v1.Htq.ResumeQueueRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getResumeQueueMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Removes every task of a queue (waiting, in flight, dead and finished) and keeps
     * the queue and its settings.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<htq.v1.Htq.PurgeQueueResponse> purgeQueue(
        htq.v1.Htq.PurgeQueueRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getPurgeQueueMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Moves a waiting task to the front of its queue, due now whatever its schedule;
     * a dead task is retried. FAILED_PRECONDITION when its request is in flight or it
     * has finished.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<htq.v1.Htq.Task> runTask(
        htq.v1.Htq.RunTaskRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRunTaskMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Puts one dead task back in its queue, due now, with a fresh set of attempts.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<htq.v1.Htq.Task> retryDeadTask(
        htq.v1.Htq.RetryDeadTaskRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRetryDeadTaskMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Puts every dead task of a queue back, due now, with fresh attempts.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<htq.v1.Htq.RetryAllDeadTasksResponse> retryAllDeadTasks(
        htq.v1.Htq.RetryAllDeadTasksRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRetryAllDeadTasksMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Deletes one dead task for good.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<htq.v1.Htq.DeleteDeadTaskResponse> deleteDeadTask(
        htq.v1.Htq.DeleteDeadTaskRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteDeadTaskMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Runs again, as new attempts, the dead tasks and the retained finished tasks of
     * a queue that match a filter: each is put back due now with a fresh set of
     * attempts (its attempt history goes on), with a `rescheduled` event, up to a
     * limit per call.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<htq.v1.Htq.ReplayTasksResponse> replayTasks(
        htq.v1.Htq.ReplayTasksRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getReplayTasksMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Creates a cron schedule: each tick pushes a task made from its template,
     * exactly once across every HTQ process on the same Redis.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<htq.v1.Htq.Schedule> createSchedule(
        htq.v1.Htq.CreateScheduleRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateScheduleMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns one schedule. NOT_FOUND when it does not exist.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<htq.v1.Htq.Schedule> getSchedule(
        htq.v1.Htq.GetScheduleRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetScheduleMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists schedules in name order, a page at a time.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<htq.v1.Htq.ListSchedulesResponse> listSchedules(
        htq.v1.Htq.ListSchedulesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListSchedulesMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Deletes a schedule; tasks it pushed already stay.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<htq.v1.Htq.DeleteScheduleResponse> deleteSchedule(
        htq.v1.Htq.DeleteScheduleRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteScheduleMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Creates a key that signs deliveries (Standard Webhooks 1.0): of one queue, or
     * of every queue when `queue` is empty. The reply carries the HMAC secret; it is
     * never shown again.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<htq.v1.Htq.SigningKey> createSigningKey(
        htq.v1.Htq.CreateSigningKeyRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateSigningKeyMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists signing keys (never their secrets).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<htq.v1.Htq.ListSigningKeysResponse> listSigningKeys(
        htq.v1.Htq.ListSigningKeysRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListSigningKeysMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Adds a key of the same scope and algorithm and sets the keys it replaces to
     * stop signing after an overlap, so receivers switch at their own pace.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<htq.v1.Htq.RotateSigningKeyResponse> rotateSigningKey(
        htq.v1.Htq.RotateSigningKeyRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRotateSigningKeyMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Removes a signing key at once: deliveries no longer carry its signature.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<htq.v1.Htq.RetireSigningKeyResponse> retireSigningKey(
        htq.v1.Htq.RetireSigningKeyRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRetireSigningKeyMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Creates a topic: a named list of endpoints that Publish fans out to, each
     * endpoint a queue of its own (see Topic).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<htq.v1.Htq.Topic> createTopic(
        htq.v1.Htq.CreateTopicRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateTopicMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * A topic, with each endpoint's health.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<htq.v1.Htq.Topic> getTopic(
        htq.v1.Htq.GetTopicRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetTopicMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Every topic, in name order.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<htq.v1.Htq.ListTopicsResponse> listTopics(
        htq.v1.Htq.ListTopicsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListTopicsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Changes a topic's settings (those named by update_mask; all given when none);
     * its endpoints' queues take them.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<htq.v1.Htq.Topic> updateTopic(
        htq.v1.Htq.UpdateTopicRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateTopicMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Deletes a topic and its endpoints' queues, with their tasks.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<htq.v1.Htq.DeleteTopicResponse> deleteTopic(
        htq.v1.Htq.DeleteTopicRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteTopicMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Adds an endpoint (and its queue) to a topic.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<htq.v1.Htq.Topic> addEndpoint(
        htq.v1.Htq.AddEndpointRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getAddEndpointMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Removes an endpoint and its queue, with its tasks.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<htq.v1.Htq.Topic> removeEndpoint(
        htq.v1.Htq.RemoveEndpointRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRemoveEndpointMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Enables a disabled or paused endpoint: its queue resumes, its run of failures
     * starts again from zero.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<htq.v1.Htq.Topic> enableEndpoint(
        htq.v1.Htq.EnableEndpointRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getEnableEndpointMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Publishes a message: one task per endpoint, all stored by one script.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<htq.v1.Htq.PublishResponse> publish(
        htq.v1.Htq.PublishRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getPublishMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Publishes several messages to one topic; each as Publish does, all or none.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<htq.v1.Htq.PublishBatchResponse> publishBatch(
        htq.v1.Htq.PublishBatchRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getPublishBatchMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * The HTQ processes connected to this Redis (each keeps a heartbeat there) and
     * what Redis says of itself. Needs a token that reaches every queue.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<htq.v1.Htq.SystemInfo> getSystem(
        htq.v1.Htq.GetSystemRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetSystemMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * A queue's (or every queue's) history over the last minutes, in 5-second
     * steps: dispatches and errors per second, depth, request duration and dispatch
     * delay percentiles. Every process adds what it did, so any process answers the
     * same; kept an hour.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<htq.v1.Htq.QueueHistory> getHistory(
        htq.v1.Htq.GetHistoryRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetHistoryMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_QUEUE = 0;
  private static final int METHODID_GET_QUEUE = 1;
  private static final int METHODID_LIST_QUEUES = 2;
  private static final int METHODID_UPDATE_QUEUE = 3;
  private static final int METHODID_DELETE_QUEUE = 4;
  private static final int METHODID_PUSH_TASK = 5;
  private static final int METHODID_PUSH_TASKS = 6;
  private static final int METHODID_SCHEDULE_TASK = 7;
  private static final int METHODID_GET_TASK = 8;
  private static final int METHODID_LIST_TASKS = 9;
  private static final int METHODID_COUNT_TASKS = 10;
  private static final int METHODID_CANCEL_TASK = 11;
  private static final int METHODID_WATCH_QUEUE = 12;
  private static final int METHODID_PAUSE_QUEUE = 13;
  private static final int METHODID_RESUME_QUEUE = 14;
  private static final int METHODID_PURGE_QUEUE = 15;
  private static final int METHODID_RUN_TASK = 16;
  private static final int METHODID_RETRY_DEAD_TASK = 17;
  private static final int METHODID_RETRY_ALL_DEAD_TASKS = 18;
  private static final int METHODID_DELETE_DEAD_TASK = 19;
  private static final int METHODID_REPLAY_TASKS = 20;
  private static final int METHODID_CREATE_SCHEDULE = 21;
  private static final int METHODID_GET_SCHEDULE = 22;
  private static final int METHODID_LIST_SCHEDULES = 23;
  private static final int METHODID_DELETE_SCHEDULE = 24;
  private static final int METHODID_CREATE_SIGNING_KEY = 25;
  private static final int METHODID_LIST_SIGNING_KEYS = 26;
  private static final int METHODID_ROTATE_SIGNING_KEY = 27;
  private static final int METHODID_RETIRE_SIGNING_KEY = 28;
  private static final int METHODID_CREATE_TOPIC = 29;
  private static final int METHODID_GET_TOPIC = 30;
  private static final int METHODID_LIST_TOPICS = 31;
  private static final int METHODID_UPDATE_TOPIC = 32;
  private static final int METHODID_DELETE_TOPIC = 33;
  private static final int METHODID_ADD_ENDPOINT = 34;
  private static final int METHODID_REMOVE_ENDPOINT = 35;
  private static final int METHODID_ENABLE_ENDPOINT = 36;
  private static final int METHODID_PUBLISH = 37;
  private static final int METHODID_PUBLISH_BATCH = 38;
  private static final int METHODID_GET_SYSTEM = 39;
  private static final int METHODID_GET_HISTORY = 40;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final AsyncService serviceImpl;
    private final int methodId;

    MethodHandlers(AsyncService serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_CREATE_QUEUE:
          serviceImpl.createQueue((htq.v1.Htq.CreateQueueRequest) request,
              (io.grpc.stub.StreamObserver<htq.v1.Htq.Queue>) responseObserver);
          break;
        case METHODID_GET_QUEUE:
          serviceImpl.getQueue((htq.v1.Htq.GetQueueRequest) request,
              (io.grpc.stub.StreamObserver<htq.v1.Htq.Queue>) responseObserver);
          break;
        case METHODID_LIST_QUEUES:
          serviceImpl.listQueues((htq.v1.Htq.ListQueuesRequest) request,
              (io.grpc.stub.StreamObserver<htq.v1.Htq.ListQueuesResponse>) responseObserver);
          break;
        case METHODID_UPDATE_QUEUE:
          serviceImpl.updateQueue((htq.v1.Htq.UpdateQueueRequest) request,
              (io.grpc.stub.StreamObserver<htq.v1.Htq.Queue>) responseObserver);
          break;
        case METHODID_DELETE_QUEUE:
          serviceImpl.deleteQueue((htq.v1.Htq.DeleteQueueRequest) request,
              (io.grpc.stub.StreamObserver<htq.v1.Htq.DeleteQueueResponse>) responseObserver);
          break;
        case METHODID_PUSH_TASK:
          serviceImpl.pushTask((htq.v1.Htq.PushTaskRequest) request,
              (io.grpc.stub.StreamObserver<htq.v1.Htq.PushTaskResponse>) responseObserver);
          break;
        case METHODID_PUSH_TASKS:
          serviceImpl.pushTasks((htq.v1.Htq.PushTasksRequest) request,
              (io.grpc.stub.StreamObserver<htq.v1.Htq.PushTasksResponse>) responseObserver);
          break;
        case METHODID_SCHEDULE_TASK:
          serviceImpl.scheduleTask((htq.v1.Htq.ScheduleTaskRequest) request,
              (io.grpc.stub.StreamObserver<htq.v1.Htq.PushTaskResponse>) responseObserver);
          break;
        case METHODID_GET_TASK:
          serviceImpl.getTask((htq.v1.Htq.GetTaskRequest) request,
              (io.grpc.stub.StreamObserver<htq.v1.Htq.Task>) responseObserver);
          break;
        case METHODID_LIST_TASKS:
          serviceImpl.listTasks((htq.v1.Htq.ListTasksRequest) request,
              (io.grpc.stub.StreamObserver<htq.v1.Htq.ListTasksResponse>) responseObserver);
          break;
        case METHODID_COUNT_TASKS:
          serviceImpl.countTasks((htq.v1.Htq.CountTasksRequest) request,
              (io.grpc.stub.StreamObserver<htq.v1.Htq.CountTasksResponse>) responseObserver);
          break;
        case METHODID_CANCEL_TASK:
          serviceImpl.cancelTask((htq.v1.Htq.CancelTaskRequest) request,
              (io.grpc.stub.StreamObserver<htq.v1.Htq.Task>) responseObserver);
          break;
        case METHODID_WATCH_QUEUE:
          serviceImpl.watchQueue((htq.v1.Htq.WatchQueueRequest) request,
              (io.grpc.stub.StreamObserver<htq.v1.Htq.WatchQueueResponse>) responseObserver);
          break;
        case METHODID_PAUSE_QUEUE:
          serviceImpl.pauseQueue((htq.v1.Htq.PauseQueueRequest) request,
              (io.grpc.stub.StreamObserver<htq.v1.Htq.Queue>) responseObserver);
          break;
        case METHODID_RESUME_QUEUE:
          serviceImpl.resumeQueue((htq.v1.Htq.ResumeQueueRequest) request,
              (io.grpc.stub.StreamObserver<htq.v1.Htq.Queue>) responseObserver);
          break;
        case METHODID_PURGE_QUEUE:
          serviceImpl.purgeQueue((htq.v1.Htq.PurgeQueueRequest) request,
              (io.grpc.stub.StreamObserver<htq.v1.Htq.PurgeQueueResponse>) responseObserver);
          break;
        case METHODID_RUN_TASK:
          serviceImpl.runTask((htq.v1.Htq.RunTaskRequest) request,
              (io.grpc.stub.StreamObserver<htq.v1.Htq.Task>) responseObserver);
          break;
        case METHODID_RETRY_DEAD_TASK:
          serviceImpl.retryDeadTask((htq.v1.Htq.RetryDeadTaskRequest) request,
              (io.grpc.stub.StreamObserver<htq.v1.Htq.Task>) responseObserver);
          break;
        case METHODID_RETRY_ALL_DEAD_TASKS:
          serviceImpl.retryAllDeadTasks((htq.v1.Htq.RetryAllDeadTasksRequest) request,
              (io.grpc.stub.StreamObserver<htq.v1.Htq.RetryAllDeadTasksResponse>) responseObserver);
          break;
        case METHODID_DELETE_DEAD_TASK:
          serviceImpl.deleteDeadTask((htq.v1.Htq.DeleteDeadTaskRequest) request,
              (io.grpc.stub.StreamObserver<htq.v1.Htq.DeleteDeadTaskResponse>) responseObserver);
          break;
        case METHODID_REPLAY_TASKS:
          serviceImpl.replayTasks((htq.v1.Htq.ReplayTasksRequest) request,
              (io.grpc.stub.StreamObserver<htq.v1.Htq.ReplayTasksResponse>) responseObserver);
          break;
        case METHODID_CREATE_SCHEDULE:
          serviceImpl.createSchedule((htq.v1.Htq.CreateScheduleRequest) request,
              (io.grpc.stub.StreamObserver<htq.v1.Htq.Schedule>) responseObserver);
          break;
        case METHODID_GET_SCHEDULE:
          serviceImpl.getSchedule((htq.v1.Htq.GetScheduleRequest) request,
              (io.grpc.stub.StreamObserver<htq.v1.Htq.Schedule>) responseObserver);
          break;
        case METHODID_LIST_SCHEDULES:
          serviceImpl.listSchedules((htq.v1.Htq.ListSchedulesRequest) request,
              (io.grpc.stub.StreamObserver<htq.v1.Htq.ListSchedulesResponse>) responseObserver);
          break;
        case METHODID_DELETE_SCHEDULE:
          serviceImpl.deleteSchedule((htq.v1.Htq.DeleteScheduleRequest) request,
              (io.grpc.stub.StreamObserver<htq.v1.Htq.DeleteScheduleResponse>) responseObserver);
          break;
        case METHODID_CREATE_SIGNING_KEY:
          serviceImpl.createSigningKey((htq.v1.Htq.CreateSigningKeyRequest) request,
              (io.grpc.stub.StreamObserver<htq.v1.Htq.SigningKey>) responseObserver);
          break;
        case METHODID_LIST_SIGNING_KEYS:
          serviceImpl.listSigningKeys((htq.v1.Htq.ListSigningKeysRequest) request,
              (io.grpc.stub.StreamObserver<htq.v1.Htq.ListSigningKeysResponse>) responseObserver);
          break;
        case METHODID_ROTATE_SIGNING_KEY:
          serviceImpl.rotateSigningKey((htq.v1.Htq.RotateSigningKeyRequest) request,
              (io.grpc.stub.StreamObserver<htq.v1.Htq.RotateSigningKeyResponse>) responseObserver);
          break;
        case METHODID_RETIRE_SIGNING_KEY:
          serviceImpl.retireSigningKey((htq.v1.Htq.RetireSigningKeyRequest) request,
              (io.grpc.stub.StreamObserver<htq.v1.Htq.RetireSigningKeyResponse>) responseObserver);
          break;
        case METHODID_CREATE_TOPIC:
          serviceImpl.createTopic((htq.v1.Htq.CreateTopicRequest) request,
              (io.grpc.stub.StreamObserver<htq.v1.Htq.Topic>) responseObserver);
          break;
        case METHODID_GET_TOPIC:
          serviceImpl.getTopic((htq.v1.Htq.GetTopicRequest) request,
              (io.grpc.stub.StreamObserver<htq.v1.Htq.Topic>) responseObserver);
          break;
        case METHODID_LIST_TOPICS:
          serviceImpl.listTopics((htq.v1.Htq.ListTopicsRequest) request,
              (io.grpc.stub.StreamObserver<htq.v1.Htq.ListTopicsResponse>) responseObserver);
          break;
        case METHODID_UPDATE_TOPIC:
          serviceImpl.updateTopic((htq.v1.Htq.UpdateTopicRequest) request,
              (io.grpc.stub.StreamObserver<htq.v1.Htq.Topic>) responseObserver);
          break;
        case METHODID_DELETE_TOPIC:
          serviceImpl.deleteTopic((htq.v1.Htq.DeleteTopicRequest) request,
              (io.grpc.stub.StreamObserver<htq.v1.Htq.DeleteTopicResponse>) responseObserver);
          break;
        case METHODID_ADD_ENDPOINT:
          serviceImpl.addEndpoint((htq.v1.Htq.AddEndpointRequest) request,
              (io.grpc.stub.StreamObserver<htq.v1.Htq.Topic>) responseObserver);
          break;
        case METHODID_REMOVE_ENDPOINT:
          serviceImpl.removeEndpoint((htq.v1.Htq.RemoveEndpointRequest) request,
              (io.grpc.stub.StreamObserver<htq.v1.Htq.Topic>) responseObserver);
          break;
        case METHODID_ENABLE_ENDPOINT:
          serviceImpl.enableEndpoint((htq.v1.Htq.EnableEndpointRequest) request,
              (io.grpc.stub.StreamObserver<htq.v1.Htq.Topic>) responseObserver);
          break;
        case METHODID_PUBLISH:
          serviceImpl.publish((htq.v1.Htq.PublishRequest) request,
              (io.grpc.stub.StreamObserver<htq.v1.Htq.PublishResponse>) responseObserver);
          break;
        case METHODID_PUBLISH_BATCH:
          serviceImpl.publishBatch((htq.v1.Htq.PublishBatchRequest) request,
              (io.grpc.stub.StreamObserver<htq.v1.Htq.PublishBatchResponse>) responseObserver);
          break;
        case METHODID_GET_SYSTEM:
          serviceImpl.getSystem((htq.v1.Htq.GetSystemRequest) request,
              (io.grpc.stub.StreamObserver<htq.v1.Htq.SystemInfo>) responseObserver);
          break;
        case METHODID_GET_HISTORY:
          serviceImpl.getHistory((htq.v1.Htq.GetHistoryRequest) request,
              (io.grpc.stub.StreamObserver<htq.v1.Htq.QueueHistory>) responseObserver);
          break;
        default:
          throw new AssertionError();
      }
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public io.grpc.stub.StreamObserver<Req> invoke(
        io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        default:
          throw new AssertionError();
      }
    }
  }

  public static final io.grpc.ServerServiceDefinition bindService(AsyncService service) {
    return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
        .addMethod(
          getCreateQueueMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              htq.v1.Htq.CreateQueueRequest,
              htq.v1.Htq.Queue>(
                service, METHODID_CREATE_QUEUE)))
        .addMethod(
          getGetQueueMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              htq.v1.Htq.GetQueueRequest,
              htq.v1.Htq.Queue>(
                service, METHODID_GET_QUEUE)))
        .addMethod(
          getListQueuesMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              htq.v1.Htq.ListQueuesRequest,
              htq.v1.Htq.ListQueuesResponse>(
                service, METHODID_LIST_QUEUES)))
        .addMethod(
          getUpdateQueueMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              htq.v1.Htq.UpdateQueueRequest,
              htq.v1.Htq.Queue>(
                service, METHODID_UPDATE_QUEUE)))
        .addMethod(
          getDeleteQueueMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              htq.v1.Htq.DeleteQueueRequest,
              htq.v1.Htq.DeleteQueueResponse>(
                service, METHODID_DELETE_QUEUE)))
        .addMethod(
          getPushTaskMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              htq.v1.Htq.PushTaskRequest,
              htq.v1.Htq.PushTaskResponse>(
                service, METHODID_PUSH_TASK)))
        .addMethod(
          getPushTasksMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              htq.v1.Htq.PushTasksRequest,
              htq.v1.Htq.PushTasksResponse>(
                service, METHODID_PUSH_TASKS)))
        .addMethod(
          getScheduleTaskMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              htq.v1.Htq.ScheduleTaskRequest,
              htq.v1.Htq.PushTaskResponse>(
                service, METHODID_SCHEDULE_TASK)))
        .addMethod(
          getGetTaskMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              htq.v1.Htq.GetTaskRequest,
              htq.v1.Htq.Task>(
                service, METHODID_GET_TASK)))
        .addMethod(
          getListTasksMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              htq.v1.Htq.ListTasksRequest,
              htq.v1.Htq.ListTasksResponse>(
                service, METHODID_LIST_TASKS)))
        .addMethod(
          getCountTasksMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              htq.v1.Htq.CountTasksRequest,
              htq.v1.Htq.CountTasksResponse>(
                service, METHODID_COUNT_TASKS)))
        .addMethod(
          getCancelTaskMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              htq.v1.Htq.CancelTaskRequest,
              htq.v1.Htq.Task>(
                service, METHODID_CANCEL_TASK)))
        .addMethod(
          getWatchQueueMethod(),
          io.grpc.stub.ServerCalls.asyncServerStreamingCall(
            new MethodHandlers<
              htq.v1.Htq.WatchQueueRequest,
              htq.v1.Htq.WatchQueueResponse>(
                service, METHODID_WATCH_QUEUE)))
        .addMethod(
          getPauseQueueMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              htq.v1.Htq.PauseQueueRequest,
              htq.v1.Htq.Queue>(
                service, METHODID_PAUSE_QUEUE)))
        .addMethod(
          getResumeQueueMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              htq.v1.Htq.ResumeQueueRequest,
              htq.v1.Htq.Queue>(
                service, METHODID_RESUME_QUEUE)))
        .addMethod(
          getPurgeQueueMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              htq.v1.Htq.PurgeQueueRequest,
              htq.v1.Htq.PurgeQueueResponse>(
                service, METHODID_PURGE_QUEUE)))
        .addMethod(
          getRunTaskMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              htq.v1.Htq.RunTaskRequest,
              htq.v1.Htq.Task>(
                service, METHODID_RUN_TASK)))
        .addMethod(
          getRetryDeadTaskMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              htq.v1.Htq.RetryDeadTaskRequest,
              htq.v1.Htq.Task>(
                service, METHODID_RETRY_DEAD_TASK)))
        .addMethod(
          getRetryAllDeadTasksMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              htq.v1.Htq.RetryAllDeadTasksRequest,
              htq.v1.Htq.RetryAllDeadTasksResponse>(
                service, METHODID_RETRY_ALL_DEAD_TASKS)))
        .addMethod(
          getDeleteDeadTaskMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              htq.v1.Htq.DeleteDeadTaskRequest,
              htq.v1.Htq.DeleteDeadTaskResponse>(
                service, METHODID_DELETE_DEAD_TASK)))
        .addMethod(
          getReplayTasksMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              htq.v1.Htq.ReplayTasksRequest,
              htq.v1.Htq.ReplayTasksResponse>(
                service, METHODID_REPLAY_TASKS)))
        .addMethod(
          getCreateScheduleMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              htq.v1.Htq.CreateScheduleRequest,
              htq.v1.Htq.Schedule>(
                service, METHODID_CREATE_SCHEDULE)))
        .addMethod(
          getGetScheduleMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              htq.v1.Htq.GetScheduleRequest,
              htq.v1.Htq.Schedule>(
                service, METHODID_GET_SCHEDULE)))
        .addMethod(
          getListSchedulesMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              htq.v1.Htq.ListSchedulesRequest,
              htq.v1.Htq.ListSchedulesResponse>(
                service, METHODID_LIST_SCHEDULES)))
        .addMethod(
          getDeleteScheduleMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              htq.v1.Htq.DeleteScheduleRequest,
              htq.v1.Htq.DeleteScheduleResponse>(
                service, METHODID_DELETE_SCHEDULE)))
        .addMethod(
          getCreateSigningKeyMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              htq.v1.Htq.CreateSigningKeyRequest,
              htq.v1.Htq.SigningKey>(
                service, METHODID_CREATE_SIGNING_KEY)))
        .addMethod(
          getListSigningKeysMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              htq.v1.Htq.ListSigningKeysRequest,
              htq.v1.Htq.ListSigningKeysResponse>(
                service, METHODID_LIST_SIGNING_KEYS)))
        .addMethod(
          getRotateSigningKeyMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              htq.v1.Htq.RotateSigningKeyRequest,
              htq.v1.Htq.RotateSigningKeyResponse>(
                service, METHODID_ROTATE_SIGNING_KEY)))
        .addMethod(
          getRetireSigningKeyMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              htq.v1.Htq.RetireSigningKeyRequest,
              htq.v1.Htq.RetireSigningKeyResponse>(
                service, METHODID_RETIRE_SIGNING_KEY)))
        .addMethod(
          getCreateTopicMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              htq.v1.Htq.CreateTopicRequest,
              htq.v1.Htq.Topic>(
                service, METHODID_CREATE_TOPIC)))
        .addMethod(
          getGetTopicMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              htq.v1.Htq.GetTopicRequest,
              htq.v1.Htq.Topic>(
                service, METHODID_GET_TOPIC)))
        .addMethod(
          getListTopicsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              htq.v1.Htq.ListTopicsRequest,
              htq.v1.Htq.ListTopicsResponse>(
                service, METHODID_LIST_TOPICS)))
        .addMethod(
          getUpdateTopicMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              htq.v1.Htq.UpdateTopicRequest,
              htq.v1.Htq.Topic>(
                service, METHODID_UPDATE_TOPIC)))
        .addMethod(
          getDeleteTopicMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              htq.v1.Htq.DeleteTopicRequest,
              htq.v1.Htq.DeleteTopicResponse>(
                service, METHODID_DELETE_TOPIC)))
        .addMethod(
          getAddEndpointMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              htq.v1.Htq.AddEndpointRequest,
              htq.v1.Htq.Topic>(
                service, METHODID_ADD_ENDPOINT)))
        .addMethod(
          getRemoveEndpointMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              htq.v1.Htq.RemoveEndpointRequest,
              htq.v1.Htq.Topic>(
                service, METHODID_REMOVE_ENDPOINT)))
        .addMethod(
          getEnableEndpointMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              htq.v1.Htq.EnableEndpointRequest,
              htq.v1.Htq.Topic>(
                service, METHODID_ENABLE_ENDPOINT)))
        .addMethod(
          getPublishMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              htq.v1.Htq.PublishRequest,
              htq.v1.Htq.PublishResponse>(
                service, METHODID_PUBLISH)))
        .addMethod(
          getPublishBatchMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              htq.v1.Htq.PublishBatchRequest,
              htq.v1.Htq.PublishBatchResponse>(
                service, METHODID_PUBLISH_BATCH)))
        .addMethod(
          getGetSystemMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              htq.v1.Htq.GetSystemRequest,
              htq.v1.Htq.SystemInfo>(
                service, METHODID_GET_SYSTEM)))
        .addMethod(
          getGetHistoryMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              htq.v1.Htq.GetHistoryRequest,
              htq.v1.Htq.QueueHistory>(
                service, METHODID_GET_HISTORY)))
        .build();
  }

  private static abstract class HtqServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    HtqServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return htq.v1.Htq.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("HtqService");
    }
  }

  private static final class HtqServiceFileDescriptorSupplier
      extends HtqServiceBaseDescriptorSupplier {
    HtqServiceFileDescriptorSupplier() {}
  }

  private static final class HtqServiceMethodDescriptorSupplier
      extends HtqServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    HtqServiceMethodDescriptorSupplier(java.lang.String methodName) {
      this.methodName = methodName;
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.MethodDescriptor getMethodDescriptor() {
      return getServiceDescriptor().findMethodByName(methodName);
    }
  }

  private static volatile io.grpc.ServiceDescriptor serviceDescriptor;

  public static io.grpc.ServiceDescriptor getServiceDescriptor() {
    io.grpc.ServiceDescriptor result = serviceDescriptor;
    if (result == null) {
      synchronized (HtqServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new HtqServiceFileDescriptorSupplier())
              .addMethod(getCreateQueueMethod())
              .addMethod(getGetQueueMethod())
              .addMethod(getListQueuesMethod())
              .addMethod(getUpdateQueueMethod())
              .addMethod(getDeleteQueueMethod())
              .addMethod(getPushTaskMethod())
              .addMethod(getPushTasksMethod())
              .addMethod(getScheduleTaskMethod())
              .addMethod(getGetTaskMethod())
              .addMethod(getListTasksMethod())
              .addMethod(getCountTasksMethod())
              .addMethod(getCancelTaskMethod())
              .addMethod(getWatchQueueMethod())
              .addMethod(getPauseQueueMethod())
              .addMethod(getResumeQueueMethod())
              .addMethod(getPurgeQueueMethod())
              .addMethod(getRunTaskMethod())
              .addMethod(getRetryDeadTaskMethod())
              .addMethod(getRetryAllDeadTasksMethod())
              .addMethod(getDeleteDeadTaskMethod())
              .addMethod(getReplayTasksMethod())
              .addMethod(getCreateScheduleMethod())
              .addMethod(getGetScheduleMethod())
              .addMethod(getListSchedulesMethod())
              .addMethod(getDeleteScheduleMethod())
              .addMethod(getCreateSigningKeyMethod())
              .addMethod(getListSigningKeysMethod())
              .addMethod(getRotateSigningKeyMethod())
              .addMethod(getRetireSigningKeyMethod())
              .addMethod(getCreateTopicMethod())
              .addMethod(getGetTopicMethod())
              .addMethod(getListTopicsMethod())
              .addMethod(getUpdateTopicMethod())
              .addMethod(getDeleteTopicMethod())
              .addMethod(getAddEndpointMethod())
              .addMethod(getRemoveEndpointMethod())
              .addMethod(getEnableEndpointMethod())
              .addMethod(getPublishMethod())
              .addMethod(getPublishBatchMethod())
              .addMethod(getGetSystemMethod())
              .addMethod(getGetHistoryMethod())
              .build();
        }
      }
    }
    return result;
  }
}
