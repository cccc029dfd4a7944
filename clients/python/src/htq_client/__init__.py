"""A client for HTQ, the HTTP task queue, over gRPC: `Client` (blocking) and
`AsyncClient` (asyncio). Server errors raise `HtqError`, a `grpc.RpcError` whose
`.code()` is the gRPC status code.

    from htq_client import Client, get
    with Client("127.0.0.1:5999", token) as htq:
        htq.create_queue("emails")
        task_id = htq.push("emails", get("https://example.com/send"))

Receivers check the signatures on deliveries with `htq_client.webhooks.Verifier`.
"""

from __future__ import annotations

import datetime as _dt
from typing import AsyncIterator, Iterator, Optional, Sequence, Tuple

import grpc
import grpc.aio
from google.protobuf import timestamp_pb2

from htq.v1 import htq_pb2 as pb
from htq.v1 import htq_pb2_grpc as pb_grpc

__all__ = ["Client", "AsyncClient", "HtqError", "pb", "get", "post", "callbacks", "endpoint"]


class HtqError(grpc.RpcError):
    """An error the server answered with: `code()` and `details()` as in grpc."""

    def __init__(self, code: grpc.StatusCode, details: str):
        super().__init__(f"{code.name}: {details}")
        self._code = code
        self._details = details

    def code(self) -> grpc.StatusCode:
        return self._code

    def details(self) -> str:
        return self._details


def _wrap(err: grpc.RpcError) -> HtqError:
    return HtqError(err.code(), err.details())


def get(url: str, headers: Sequence[Tuple[str, str]] = ()) -> pb.HttpRequest:
    """A GET of `url`."""
    return pb.HttpRequest(method="GET", url=url, headers=[pb.Header(name=k, value=v) for k, v in headers])


def post(url: str, body: bytes | str = b"", headers: Sequence[Tuple[str, str]] = ()) -> pb.HttpRequest:
    """A POST of `body` to `url`."""
    data = body.encode() if isinstance(body, str) else body
    return pb.HttpRequest(method="POST", url=url, data=data,
                          headers=[pb.Header(name=k, value=v) for k, v in headers])


def callbacks(on_success: Optional[str] = None, on_failure: Optional[str] = None, *,
              on_cancel: bool = False, queue: str = "") -> pb.Callbacks:
    """Callbacks for a push (`callbacks=` option) or a queue (its `callbacks` field):
    POSTs of the task's final outcome to the `on_success` and `on_failure` URLs (the
    latter on cancel too with `on_cancel`), as tasks of `queue` (default: the task's)."""
    hook = lambda url: pb.Callback(method="POST", url=url) if url else None  # noqa: E731
    return pb.Callbacks(on_success=hook(on_success), on_failure=hook(on_failure), on_cancel=on_cancel, queue=queue)


def endpoint(name: str, url: str, headers: Sequence[Tuple[str, str]] = (), **limits) -> pb.Endpoint:
    """An endpoint of a topic; `limits`: max_concurrency, max_dispatches_per_second."""
    return pb.Endpoint(name=name, url=url, headers=[pb.Header(name=k, value=v) for k, v in headers], **limits)


def _publish_request(topic: str, body: bytes | str, headers: Sequence[Tuple[str, str]],
                     options: dict) -> "pb.PublishRequest":
    data = body.encode() if isinstance(body, str) else body
    return pb.PublishRequest(topic=topic, data=data, headers=[pb.Header(name=k, value=v) for k, v in headers],
                             **options)


def _timestamp(at: _dt.datetime) -> timestamp_pb2.Timestamp:
    ts = timestamp_pb2.Timestamp()
    ts.FromDatetime(at.astimezone(_dt.timezone.utc))
    return ts


def _replay_request(queue: str, state: int, since: Optional[_dt.datetime], until: Optional[_dt.datetime],
                    last_status: int, flow_key: str, limit: int) -> "pb.ReplayTasksRequest":
    req = pb.ReplayTasksRequest(queue=queue, state=state, last_status=last_status, flow_key=flow_key, limit=limit)
    if since is not None:
        req.since.CopyFrom(_timestamp(since))
    if until is not None:
        req.until.CopyFrom(_timestamp(until))
    return req


class Client:
    """A blocking client. Use as a context manager, or call `close()`."""

    def __init__(self, target: str, token: str, *, secure: bool = False):
        self._metadata = (("authorization", f"Bearer {token}"),)
        self._channel = grpc.secure_channel(target, grpc.ssl_channel_credentials()) if secure \
            else grpc.insecure_channel(target)
        self.stub = pb_grpc.HtqServiceStub(self._channel)

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._channel.close()

    def _call(self, method, request):
        try:
            return method(request, metadata=self._metadata)
        except grpc.RpcError as e:
            raise _wrap(e) from None

    def create_queue(self, name: str, **settings) -> pb.Queue:
        """Creates a queue; `settings` are Queue fields (max_concurrency=4, ...)."""
        return self._call(self.stub.CreateQueue, pb.CreateQueueRequest(queue=pb.Queue(name=name, **settings)))

    def push(self, queue: str, request: pb.HttpRequest, **options) -> str:
        """Pushes a task due now; returns its id. `options`: task_id, idempotency_key, flow_key."""
        return self._call(self.stub.PushTask, pb.PushTaskRequest(queue=queue, request=request, **options)).task_id

    def schedule(self, queue: str, request: pb.HttpRequest, at: _dt.datetime, **options) -> str:
        """Pushes a task due at `at` (an aware datetime); returns its id."""
        req = pb.ScheduleTaskRequest(queue=queue, request=request, schedule_time=_timestamp(at), **options)
        return self._call(self.stub.ScheduleTask, req).task_id

    def get_task(self, queue: str, task_id: str) -> pb.Task:
        return self._call(self.stub.GetTask, pb.GetTaskRequest(queue=queue, id=task_id))

    def cancel(self, queue: str, task_id: str) -> pb.Task:
        return self._call(self.stub.CancelTask, pb.CancelTaskRequest(queue=queue, id=task_id))

    def replay(self, queue: str, *, state: int = 0, since: Optional[_dt.datetime] = None,
               until: Optional[_dt.datetime] = None, last_status: int = 0, flow_key: str = "",
               limit: int = 0) -> pb.ReplayTasksResponse:
        """Runs again the dead and retained finished tasks matching every filter given
        (state: pb.TASK_STATE_DEAD, _SUCCEEDED or _CANCELLED); returns how many and
        whether more match beyond `limit`."""
        req = _replay_request(queue, state, since, until, last_status, flow_key, limit)
        return self._call(self.stub.ReplayTasks, req)

    def create_topic(self, name: str, endpoints: Sequence[pb.Endpoint], **settings) -> pb.Topic:
        """Creates a topic; `settings` are Topic fields (pause_after_failures=5, retry=...)."""
        topic = pb.Topic(name=name, endpoints=list(endpoints), **settings)
        return self._call(self.stub.CreateTopic, pb.CreateTopicRequest(topic=topic))

    def get_topic(self, name: str) -> pb.Topic:
        """A topic, with its endpoints' health (state, consecutive_failures, ...)."""
        return self._call(self.stub.GetTopic, pb.GetTopicRequest(name=name))

    def list_topics(self) -> Sequence[pb.Topic]:
        return self._call(self.stub.ListTopics, pb.ListTopicsRequest()).topics

    def delete_topic(self, name: str) -> None:
        self._call(self.stub.DeleteTopic, pb.DeleteTopicRequest(name=name))

    def add_endpoint(self, topic: str, endpoint: pb.Endpoint) -> pb.Topic:
        return self._call(self.stub.AddEndpoint, pb.AddEndpointRequest(topic=topic, endpoint=endpoint))

    def remove_endpoint(self, topic: str, endpoint: str) -> pb.Topic:
        return self._call(self.stub.RemoveEndpoint, pb.RemoveEndpointRequest(topic=topic, endpoint=endpoint))

    def enable_endpoint(self, topic: str, endpoint: str) -> pb.Topic:
        return self._call(self.stub.EnableEndpoint, pb.EnableEndpointRequest(topic=topic, endpoint=endpoint))

    def publish(self, topic: str, body: bytes | str = b"", headers: Sequence[Tuple[str, str]] = (),
                **options) -> pb.PublishResponse:
        """Publishes a message to every endpoint of `topic`; `options`: method,
        idempotency_key, callbacks, delay. Returns its id and deliveries."""
        return self._call(self.stub.Publish, _publish_request(topic, body, headers, options))

    def watch(self, queue: str = "", cursor: str = "") -> Iterator[pb.QueueEvent]:
        """The queue's events (every queue's with ""), from now or after `cursor`.
        The watch starts when this is called, not at the first `next()`."""
        stream = self.stub.WatchQueue(pb.WatchQueueRequest(queue=queue, cursor=cursor), metadata=self._metadata)

        def events() -> Iterator[pb.QueueEvent]:
            try:
                for item in stream:
                    if item.HasField("event"):
                        yield item.event
            except grpc.RpcError as e:
                if e.code() != grpc.StatusCode.CANCELLED:
                    raise _wrap(e) from None
            finally:
                stream.cancel()

        return events()


class AsyncClient:
    """An asyncio client. Use `async with`, or await `close()`."""

    def __init__(self, target: str, token: str, *, secure: bool = False):
        self._metadata = (("authorization", f"Bearer {token}"),)
        self._channel = grpc.aio.secure_channel(target, grpc.ssl_channel_credentials()) if secure \
            else grpc.aio.insecure_channel(target)
        self.stub = pb_grpc.HtqServiceStub(self._channel)

    async def __aenter__(self) -> "AsyncClient":
        return self

    async def __aexit__(self, *exc) -> None:
        await self.close()

    async def close(self) -> None:
        await self._channel.close()

    async def _call(self, method, request):
        try:
            return await method(request, metadata=self._metadata)
        except grpc.RpcError as e:
            raise _wrap(e) from None

    async def create_queue(self, name: str, **settings) -> pb.Queue:
        return await self._call(self.stub.CreateQueue, pb.CreateQueueRequest(queue=pb.Queue(name=name, **settings)))

    async def push(self, queue: str, request: pb.HttpRequest, **options) -> str:
        reply = await self._call(self.stub.PushTask, pb.PushTaskRequest(queue=queue, request=request, **options))
        return reply.task_id

    async def schedule(self, queue: str, request: pb.HttpRequest, at: _dt.datetime, **options) -> str:
        req = pb.ScheduleTaskRequest(queue=queue, request=request, schedule_time=_timestamp(at), **options)
        return (await self._call(self.stub.ScheduleTask, req)).task_id

    async def get_task(self, queue: str, task_id: str) -> pb.Task:
        return await self._call(self.stub.GetTask, pb.GetTaskRequest(queue=queue, id=task_id))

    async def cancel(self, queue: str, task_id: str) -> pb.Task:
        return await self._call(self.stub.CancelTask, pb.CancelTaskRequest(queue=queue, id=task_id))

    async def replay(self, queue: str, *, state: int = 0, since: Optional[_dt.datetime] = None,
                     until: Optional[_dt.datetime] = None, last_status: int = 0, flow_key: str = "",
                     limit: int = 0) -> pb.ReplayTasksResponse:
        req = _replay_request(queue, state, since, until, last_status, flow_key, limit)
        return await self._call(self.stub.ReplayTasks, req)

    async def create_topic(self, name: str, endpoints: Sequence[pb.Endpoint], **settings) -> pb.Topic:
        topic = pb.Topic(name=name, endpoints=list(endpoints), **settings)
        return await self._call(self.stub.CreateTopic, pb.CreateTopicRequest(topic=topic))

    async def get_topic(self, name: str) -> pb.Topic:
        return await self._call(self.stub.GetTopic, pb.GetTopicRequest(name=name))

    async def list_topics(self) -> Sequence[pb.Topic]:
        return (await self._call(self.stub.ListTopics, pb.ListTopicsRequest())).topics

    async def delete_topic(self, name: str) -> None:
        await self._call(self.stub.DeleteTopic, pb.DeleteTopicRequest(name=name))

    async def add_endpoint(self, topic: str, endpoint: pb.Endpoint) -> pb.Topic:
        return await self._call(self.stub.AddEndpoint, pb.AddEndpointRequest(topic=topic, endpoint=endpoint))

    async def remove_endpoint(self, topic: str, endpoint: str) -> pb.Topic:
        return await self._call(self.stub.RemoveEndpoint, pb.RemoveEndpointRequest(topic=topic, endpoint=endpoint))

    async def enable_endpoint(self, topic: str, endpoint: str) -> pb.Topic:
        return await self._call(self.stub.EnableEndpoint, pb.EnableEndpointRequest(topic=topic, endpoint=endpoint))

    async def publish(self, topic: str, body: bytes | str = b"", headers: Sequence[Tuple[str, str]] = (),
                      **options) -> pb.PublishResponse:
        return await self._call(self.stub.Publish, _publish_request(topic, body, headers, options))

    def watch(self, queue: str = "", cursor: str = "") -> AsyncIterator[pb.QueueEvent]:
        """The queue's events as an async iterator; the watch starts when this is
        called."""
        call = self.stub.WatchQueue(pb.WatchQueueRequest(queue=queue, cursor=cursor), metadata=self._metadata)

        async def events() -> AsyncIterator[pb.QueueEvent]:
            try:
                async for item in call:
                    if item.HasField("event"):
                        yield item.event
            except grpc.RpcError as e:
                if e.code() != grpc.StatusCode.CANCELLED:
                    raise _wrap(e) from None
            finally:
                call.cancel()

        return events()
