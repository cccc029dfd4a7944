import datetime

from google.protobuf import duration_pb2 as _duration_pb2
from google.protobuf import field_mask_pb2 as _field_mask_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class QueueKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    QUEUE_KIND_UNSPECIFIED: _ClassVar[QueueKind]
    QUEUE_KIND_REAL_TIME: _ClassVar[QueueKind]
    QUEUE_KIND_TIMING: _ClassVar[QueueKind]
    QUEUE_KIND_VARIABLE: _ClassVar[QueueKind]

class TaskState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    TASK_STATE_UNSPECIFIED: _ClassVar[TaskState]
    TASK_STATE_SCHEDULED: _ClassVar[TaskState]
    TASK_STATE_DUE: _ClassVar[TaskState]
    TASK_STATE_ACTIVE: _ClassVar[TaskState]
    TASK_STATE_SUCCEEDED: _ClassVar[TaskState]
    TASK_STATE_DEAD: _ClassVar[TaskState]
    TASK_STATE_CANCELLED: _ClassVar[TaskState]

class EventKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    EVENT_KIND_UNSPECIFIED: _ClassVar[EventKind]
    EVENT_KIND_PUSHED: _ClassVar[EventKind]
    EVENT_KIND_STARTED: _ClassVar[EventKind]
    EVENT_KIND_SUCCEEDED: _ClassVar[EventKind]
    EVENT_KIND_RETRYING: _ClassVar[EventKind]
    EVENT_KIND_DEAD: _ClassVar[EventKind]
    EVENT_KIND_RESCHEDULED: _ClassVar[EventKind]
    EVENT_KIND_CANCELLED: _ClassVar[EventKind]
    EVENT_KIND_EVICTED: _ClassVar[EventKind]
    EVENT_KIND_SCHEDULED: _ClassVar[EventKind]
    EVENT_KIND_PAUSED: _ClassVar[EventKind]
    EVENT_KIND_RESUMED: _ClassVar[EventKind]
    EVENT_KIND_PURGED: _ClassVar[EventKind]
    EVENT_KIND_DELETED: _ClassVar[EventKind]
    EVENT_KIND_ENDPOINT_DISABLED: _ClassVar[EventKind]
    EVENT_KIND_ENDPOINT_PAUSED: _ClassVar[EventKind]
    EVENT_KIND_ENDPOINT_ENABLED: _ClassVar[EventKind]

class CatchUp(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CATCH_UP_UNSPECIFIED: _ClassVar[CatchUp]
    CATCH_UP_ONE: _ClassVar[CatchUp]
    CATCH_UP_SKIP: _ClassVar[CatchUp]

class SigningAlgorithm(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SIGNING_ALGORITHM_UNSPECIFIED: _ClassVar[SigningAlgorithm]
    SIGNING_ALGORITHM_HMAC_SHA256: _ClassVar[SigningAlgorithm]
    SIGNING_ALGORITHM_ED25519: _ClassVar[SigningAlgorithm]

class EndpointState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ENDPOINT_STATE_UNSPECIFIED: _ClassVar[EndpointState]
    ENDPOINT_STATE_ENABLED: _ClassVar[EndpointState]
    ENDPOINT_STATE_DISABLED: _ClassVar[EndpointState]
    ENDPOINT_STATE_PAUSED: _ClassVar[EndpointState]
QUEUE_KIND_UNSPECIFIED: QueueKind
QUEUE_KIND_REAL_TIME: QueueKind
QUEUE_KIND_TIMING: QueueKind
QUEUE_KIND_VARIABLE: QueueKind
TASK_STATE_UNSPECIFIED: TaskState
TASK_STATE_SCHEDULED: TaskState
TASK_STATE_DUE: TaskState
TASK_STATE_ACTIVE: TaskState
TASK_STATE_SUCCEEDED: TaskState
TASK_STATE_DEAD: TaskState
TASK_STATE_CANCELLED: TaskState
EVENT_KIND_UNSPECIFIED: EventKind
EVENT_KIND_PUSHED: EventKind
EVENT_KIND_STARTED: EventKind
EVENT_KIND_SUCCEEDED: EventKind
EVENT_KIND_RETRYING: EventKind
EVENT_KIND_DEAD: EventKind
EVENT_KIND_RESCHEDULED: EventKind
EVENT_KIND_CANCELLED: EventKind
EVENT_KIND_EVICTED: EventKind
EVENT_KIND_SCHEDULED: EventKind
EVENT_KIND_PAUSED: EventKind
EVENT_KIND_RESUMED: EventKind
EVENT_KIND_PURGED: EventKind
EVENT_KIND_DELETED: EventKind
EVENT_KIND_ENDPOINT_DISABLED: EventKind
EVENT_KIND_ENDPOINT_PAUSED: EventKind
EVENT_KIND_ENDPOINT_ENABLED: EventKind
CATCH_UP_UNSPECIFIED: CatchUp
CATCH_UP_ONE: CatchUp
CATCH_UP_SKIP: CatchUp
SIGNING_ALGORITHM_UNSPECIFIED: SigningAlgorithm
SIGNING_ALGORITHM_HMAC_SHA256: SigningAlgorithm
SIGNING_ALGORITHM_ED25519: SigningAlgorithm
ENDPOINT_STATE_UNSPECIFIED: EndpointState
ENDPOINT_STATE_ENABLED: EndpointState
ENDPOINT_STATE_DISABLED: EndpointState
ENDPOINT_STATE_PAUSED: EndpointState

class RetryPolicy(_message.Message):
    __slots__ = ("max_attempts", "min_backoff", "max_backoff", "max_doublings")
    MAX_ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    MIN_BACKOFF_FIELD_NUMBER: _ClassVar[int]
    MAX_BACKOFF_FIELD_NUMBER: _ClassVar[int]
    MAX_DOUBLINGS_FIELD_NUMBER: _ClassVar[int]
    max_attempts: int
    min_backoff: _duration_pb2.Duration
    max_backoff: _duration_pb2.Duration
    max_doublings: int
    def __init__(self, max_attempts: _Optional[int] = ..., min_backoff: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., max_backoff: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., max_doublings: _Optional[int] = ...) -> None: ...

class VariableSettings(_message.Message):
    __slots__ = ("stepping_interval", "max_interval")
    STEPPING_INTERVAL_FIELD_NUMBER: _ClassVar[int]
    MAX_INTERVAL_FIELD_NUMBER: _ClassVar[int]
    stepping_interval: _duration_pb2.Duration
    max_interval: _duration_pb2.Duration
    def __init__(self, stepping_interval: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., max_interval: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ...) -> None: ...

class Queue(_message.Message):
    __slots__ = ("name", "kind", "max_concurrency", "request_timeout", "retry", "variable", "paused", "create_time", "max_dispatches_per_second", "max_burst", "flow", "dead_letter", "retention", "dedup_window", "attempt_history", "max_events", "hide_replies", "partitions", "follow_redirects", "capture_responses", "capture_body_bytes", "callbacks")
    NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    MAX_CONCURRENCY_FIELD_NUMBER: _ClassVar[int]
    REQUEST_TIMEOUT_FIELD_NUMBER: _ClassVar[int]
    RETRY_FIELD_NUMBER: _ClassVar[int]
    VARIABLE_FIELD_NUMBER: _ClassVar[int]
    PAUSED_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    MAX_DISPATCHES_PER_SECOND_FIELD_NUMBER: _ClassVar[int]
    MAX_BURST_FIELD_NUMBER: _ClassVar[int]
    FLOW_FIELD_NUMBER: _ClassVar[int]
    DEAD_LETTER_FIELD_NUMBER: _ClassVar[int]
    RETENTION_FIELD_NUMBER: _ClassVar[int]
    DEDUP_WINDOW_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_HISTORY_FIELD_NUMBER: _ClassVar[int]
    MAX_EVENTS_FIELD_NUMBER: _ClassVar[int]
    HIDE_REPLIES_FIELD_NUMBER: _ClassVar[int]
    PARTITIONS_FIELD_NUMBER: _ClassVar[int]
    FOLLOW_REDIRECTS_FIELD_NUMBER: _ClassVar[int]
    CAPTURE_RESPONSES_FIELD_NUMBER: _ClassVar[int]
    CAPTURE_BODY_BYTES_FIELD_NUMBER: _ClassVar[int]
    CALLBACKS_FIELD_NUMBER: _ClassVar[int]
    name: str
    kind: QueueKind
    max_concurrency: int
    request_timeout: _duration_pb2.Duration
    retry: RetryPolicy
    variable: VariableSettings
    paused: bool
    create_time: _timestamp_pb2.Timestamp
    max_dispatches_per_second: float
    max_burst: int
    flow: FlowControl
    dead_letter: DeadLetterPolicy
    retention: _duration_pb2.Duration
    dedup_window: _duration_pb2.Duration
    attempt_history: int
    max_events: int
    hide_replies: bool
    partitions: int
    follow_redirects: bool
    capture_responses: bool
    capture_body_bytes: int
    callbacks: Callbacks
    def __init__(self, name: _Optional[str] = ..., kind: _Optional[_Union[QueueKind, str]] = ..., max_concurrency: _Optional[int] = ..., request_timeout: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., retry: _Optional[_Union[RetryPolicy, _Mapping]] = ..., variable: _Optional[_Union[VariableSettings, _Mapping]] = ..., paused: _Optional[bool] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., max_dispatches_per_second: _Optional[float] = ..., max_burst: _Optional[int] = ..., flow: _Optional[_Union[FlowControl, _Mapping]] = ..., dead_letter: _Optional[_Union[DeadLetterPolicy, _Mapping]] = ..., retention: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., dedup_window: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., attempt_history: _Optional[int] = ..., max_events: _Optional[int] = ..., hide_replies: _Optional[bool] = ..., partitions: _Optional[int] = ..., follow_redirects: _Optional[bool] = ..., capture_responses: _Optional[bool] = ..., capture_body_bytes: _Optional[int] = ..., callbacks: _Optional[_Union[Callbacks, _Mapping]] = ...) -> None: ...

class Callbacks(_message.Message):
    __slots__ = ("on_success", "on_failure", "on_cancel", "queue")
    ON_SUCCESS_FIELD_NUMBER: _ClassVar[int]
    ON_FAILURE_FIELD_NUMBER: _ClassVar[int]
    ON_CANCEL_FIELD_NUMBER: _ClassVar[int]
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    on_success: Callback
    on_failure: Callback
    on_cancel: bool
    queue: str
    def __init__(self, on_success: _Optional[_Union[Callback, _Mapping]] = ..., on_failure: _Optional[_Union[Callback, _Mapping]] = ..., on_cancel: _Optional[bool] = ..., queue: _Optional[str] = ...) -> None: ...

class Callback(_message.Message):
    __slots__ = ("method", "url", "headers")
    METHOD_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    HEADERS_FIELD_NUMBER: _ClassVar[int]
    method: str
    url: str
    headers: _containers.RepeatedCompositeFieldContainer[Header]
    def __init__(self, method: _Optional[str] = ..., url: _Optional[str] = ..., headers: _Optional[_Iterable[_Union[Header, _Mapping]]] = ...) -> None: ...

class FlowControl(_message.Message):
    __slots__ = ("max_concurrency", "max_dispatches_per_second", "max_burst")
    MAX_CONCURRENCY_FIELD_NUMBER: _ClassVar[int]
    MAX_DISPATCHES_PER_SECOND_FIELD_NUMBER: _ClassVar[int]
    MAX_BURST_FIELD_NUMBER: _ClassVar[int]
    max_concurrency: int
    max_dispatches_per_second: float
    max_burst: int
    def __init__(self, max_concurrency: _Optional[int] = ..., max_dispatches_per_second: _Optional[float] = ..., max_burst: _Optional[int] = ...) -> None: ...

class DeadLetterPolicy(_message.Message):
    __slots__ = ("max_tasks", "max_age")
    MAX_TASKS_FIELD_NUMBER: _ClassVar[int]
    MAX_AGE_FIELD_NUMBER: _ClassVar[int]
    max_tasks: int
    max_age: _duration_pb2.Duration
    def __init__(self, max_tasks: _Optional[int] = ..., max_age: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ...) -> None: ...

class Header(_message.Message):
    __slots__ = ("name", "value")
    NAME_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    name: str
    value: str
    def __init__(self, name: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...

class Form(_message.Message):
    __slots__ = ("fields",)
    FIELDS_FIELD_NUMBER: _ClassVar[int]
    fields: _containers.RepeatedCompositeFieldContainer[FormField]
    def __init__(self, fields: _Optional[_Iterable[_Union[FormField, _Mapping]]] = ...) -> None: ...

class FormField(_message.Message):
    __slots__ = ("name", "value")
    NAME_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    name: str
    value: str
    def __init__(self, name: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...

class HttpRequest(_message.Message):
    __slots__ = ("method", "url", "headers", "data", "form")
    METHOD_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    HEADERS_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    FORM_FIELD_NUMBER: _ClassVar[int]
    method: str
    url: str
    headers: _containers.RepeatedCompositeFieldContainer[Header]
    data: bytes
    form: Form
    def __init__(self, method: _Optional[str] = ..., url: _Optional[str] = ..., headers: _Optional[_Iterable[_Union[Header, _Mapping]]] = ..., data: _Optional[bytes] = ..., form: _Optional[_Union[Form, _Mapping]] = ...) -> None: ...

class Task(_message.Message):
    __slots__ = ("id", "queue", "request", "schedule_time", "state", "attempts", "last_status", "last_error", "create_time", "last_attempt_time", "run_count", "flow_key", "history", "finish_time", "callbacks")
    ID_FIELD_NUMBER: _ClassVar[int]
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    REQUEST_FIELD_NUMBER: _ClassVar[int]
    SCHEDULE_TIME_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    LAST_STATUS_FIELD_NUMBER: _ClassVar[int]
    LAST_ERROR_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    LAST_ATTEMPT_TIME_FIELD_NUMBER: _ClassVar[int]
    RUN_COUNT_FIELD_NUMBER: _ClassVar[int]
    FLOW_KEY_FIELD_NUMBER: _ClassVar[int]
    HISTORY_FIELD_NUMBER: _ClassVar[int]
    FINISH_TIME_FIELD_NUMBER: _ClassVar[int]
    CALLBACKS_FIELD_NUMBER: _ClassVar[int]
    id: str
    queue: str
    request: HttpRequest
    schedule_time: _timestamp_pb2.Timestamp
    state: TaskState
    attempts: int
    last_status: int
    last_error: str
    create_time: _timestamp_pb2.Timestamp
    last_attempt_time: _timestamp_pb2.Timestamp
    run_count: int
    flow_key: str
    history: _containers.RepeatedCompositeFieldContainer[Attempt]
    finish_time: _timestamp_pb2.Timestamp
    callbacks: Callbacks
    def __init__(self, id: _Optional[str] = ..., queue: _Optional[str] = ..., request: _Optional[_Union[HttpRequest, _Mapping]] = ..., schedule_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., state: _Optional[_Union[TaskState, str]] = ..., attempts: _Optional[int] = ..., last_status: _Optional[int] = ..., last_error: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., last_attempt_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., run_count: _Optional[int] = ..., flow_key: _Optional[str] = ..., history: _Optional[_Iterable[_Union[Attempt, _Mapping]]] = ..., finish_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., callbacks: _Optional[_Union[Callbacks, _Mapping]] = ...) -> None: ...

class Attempt(_message.Message):
    __slots__ = ("start_time", "latency", "status", "error", "reply", "response")
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    LATENCY_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    REPLY_FIELD_NUMBER: _ClassVar[int]
    RESPONSE_FIELD_NUMBER: _ClassVar[int]
    start_time: _timestamp_pb2.Timestamp
    latency: _duration_pb2.Duration
    status: int
    error: str
    reply: str
    response: CapturedResponse
    def __init__(self, start_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., latency: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., status: _Optional[int] = ..., error: _Optional[str] = ..., reply: _Optional[str] = ..., response: _Optional[_Union[CapturedResponse, _Mapping]] = ...) -> None: ...

class CapturedResponse(_message.Message):
    __slots__ = ("headers", "body", "body_base64", "body_truncated")
    HEADERS_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    BODY_BASE64_FIELD_NUMBER: _ClassVar[int]
    BODY_TRUNCATED_FIELD_NUMBER: _ClassVar[int]
    headers: _containers.RepeatedCompositeFieldContainer[Header]
    body: str
    body_base64: bool
    body_truncated: bool
    def __init__(self, headers: _Optional[_Iterable[_Union[Header, _Mapping]]] = ..., body: _Optional[str] = ..., body_base64: _Optional[bool] = ..., body_truncated: _Optional[bool] = ...) -> None: ...

class CreateQueueRequest(_message.Message):
    __slots__ = ("queue",)
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    queue: Queue
    def __init__(self, queue: _Optional[_Union[Queue, _Mapping]] = ...) -> None: ...

class GetQueueRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class ListQueuesRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "read_mask")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    READ_MASK_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    read_mask: _field_mask_pb2.FieldMask
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., read_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class ListQueuesResponse(_message.Message):
    __slots__ = ("queues", "next_page_token")
    QUEUES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    queues: _containers.RepeatedCompositeFieldContainer[Queue]
    next_page_token: str
    def __init__(self, queues: _Optional[_Iterable[_Union[Queue, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class UpdateQueueRequest(_message.Message):
    __slots__ = ("queue", "update_mask")
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    queue: Queue
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, queue: _Optional[_Union[Queue, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class DeleteQueueRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class DeleteQueueResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class PushTaskRequest(_message.Message):
    __slots__ = ("queue", "request", "task_id", "idempotency_key", "flow_key", "callbacks")
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    REQUEST_FIELD_NUMBER: _ClassVar[int]
    TASK_ID_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    FLOW_KEY_FIELD_NUMBER: _ClassVar[int]
    CALLBACKS_FIELD_NUMBER: _ClassVar[int]
    queue: str
    request: HttpRequest
    task_id: str
    idempotency_key: str
    flow_key: str
    callbacks: Callbacks
    def __init__(self, queue: _Optional[str] = ..., request: _Optional[_Union[HttpRequest, _Mapping]] = ..., task_id: _Optional[str] = ..., idempotency_key: _Optional[str] = ..., flow_key: _Optional[str] = ..., callbacks: _Optional[_Union[Callbacks, _Mapping]] = ...) -> None: ...

class PushTaskResponse(_message.Message):
    __slots__ = ("task_id", "schedule_time", "duplicate")
    TASK_ID_FIELD_NUMBER: _ClassVar[int]
    SCHEDULE_TIME_FIELD_NUMBER: _ClassVar[int]
    DUPLICATE_FIELD_NUMBER: _ClassVar[int]
    task_id: str
    schedule_time: _timestamp_pb2.Timestamp
    duplicate: bool
    def __init__(self, task_id: _Optional[str] = ..., schedule_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., duplicate: _Optional[bool] = ...) -> None: ...

class PushTasksRequest(_message.Message):
    __slots__ = ("queue", "tasks")
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    TASKS_FIELD_NUMBER: _ClassVar[int]
    queue: str
    tasks: _containers.RepeatedCompositeFieldContainer[TaskEntry]
    def __init__(self, queue: _Optional[str] = ..., tasks: _Optional[_Iterable[_Union[TaskEntry, _Mapping]]] = ...) -> None: ...

class TaskEntry(_message.Message):
    __slots__ = ("request", "schedule_time", "delay", "task_id", "idempotency_key", "flow_key", "callbacks")
    REQUEST_FIELD_NUMBER: _ClassVar[int]
    SCHEDULE_TIME_FIELD_NUMBER: _ClassVar[int]
    DELAY_FIELD_NUMBER: _ClassVar[int]
    TASK_ID_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    FLOW_KEY_FIELD_NUMBER: _ClassVar[int]
    CALLBACKS_FIELD_NUMBER: _ClassVar[int]
    request: HttpRequest
    schedule_time: _timestamp_pb2.Timestamp
    delay: _duration_pb2.Duration
    task_id: str
    idempotency_key: str
    flow_key: str
    callbacks: Callbacks
    def __init__(self, request: _Optional[_Union[HttpRequest, _Mapping]] = ..., schedule_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., delay: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., task_id: _Optional[str] = ..., idempotency_key: _Optional[str] = ..., flow_key: _Optional[str] = ..., callbacks: _Optional[_Union[Callbacks, _Mapping]] = ...) -> None: ...

class PushTasksResponse(_message.Message):
    __slots__ = ("task_ids", "duplicates")
    TASK_IDS_FIELD_NUMBER: _ClassVar[int]
    DUPLICATES_FIELD_NUMBER: _ClassVar[int]
    task_ids: _containers.RepeatedScalarFieldContainer[str]
    duplicates: _containers.RepeatedScalarFieldContainer[bool]
    def __init__(self, task_ids: _Optional[_Iterable[str]] = ..., duplicates: _Optional[_Iterable[bool]] = ...) -> None: ...

class ScheduleTaskRequest(_message.Message):
    __slots__ = ("queue", "request", "schedule_time", "delay", "task_id", "idempotency_key", "flow_key", "callbacks")
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    REQUEST_FIELD_NUMBER: _ClassVar[int]
    SCHEDULE_TIME_FIELD_NUMBER: _ClassVar[int]
    DELAY_FIELD_NUMBER: _ClassVar[int]
    TASK_ID_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    FLOW_KEY_FIELD_NUMBER: _ClassVar[int]
    CALLBACKS_FIELD_NUMBER: _ClassVar[int]
    queue: str
    request: HttpRequest
    schedule_time: _timestamp_pb2.Timestamp
    delay: _duration_pb2.Duration
    task_id: str
    idempotency_key: str
    flow_key: str
    callbacks: Callbacks
    def __init__(self, queue: _Optional[str] = ..., request: _Optional[_Union[HttpRequest, _Mapping]] = ..., schedule_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., delay: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., task_id: _Optional[str] = ..., idempotency_key: _Optional[str] = ..., flow_key: _Optional[str] = ..., callbacks: _Optional[_Union[Callbacks, _Mapping]] = ...) -> None: ...

class GetTaskRequest(_message.Message):
    __slots__ = ("queue", "id")
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    queue: str
    id: str
    def __init__(self, queue: _Optional[str] = ..., id: _Optional[str] = ...) -> None: ...

class ListTasksRequest(_message.Message):
    __slots__ = ("queue", "state", "page_size", "page_token", "url_contains", "flow_key")
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    URL_CONTAINS_FIELD_NUMBER: _ClassVar[int]
    FLOW_KEY_FIELD_NUMBER: _ClassVar[int]
    queue: str
    state: TaskState
    page_size: int
    page_token: str
    url_contains: str
    flow_key: str
    def __init__(self, queue: _Optional[str] = ..., state: _Optional[_Union[TaskState, str]] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., url_contains: _Optional[str] = ..., flow_key: _Optional[str] = ...) -> None: ...

class ListTasksResponse(_message.Message):
    __slots__ = ("tasks", "next_page_token")
    TASKS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    tasks: _containers.RepeatedCompositeFieldContainer[Task]
    next_page_token: str
    def __init__(self, tasks: _Optional[_Iterable[_Union[Task, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class CountTasksRequest(_message.Message):
    __slots__ = ("queue",)
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    queue: str
    def __init__(self, queue: _Optional[str] = ...) -> None: ...

class CountTasksResponse(_message.Message):
    __slots__ = ("scheduled", "due", "active", "dead", "finished", "evicted")
    SCHEDULED_FIELD_NUMBER: _ClassVar[int]
    DUE_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    DEAD_FIELD_NUMBER: _ClassVar[int]
    FINISHED_FIELD_NUMBER: _ClassVar[int]
    EVICTED_FIELD_NUMBER: _ClassVar[int]
    scheduled: int
    due: int
    active: int
    dead: int
    finished: int
    evicted: int
    def __init__(self, scheduled: _Optional[int] = ..., due: _Optional[int] = ..., active: _Optional[int] = ..., dead: _Optional[int] = ..., finished: _Optional[int] = ..., evicted: _Optional[int] = ...) -> None: ...

class CancelTaskRequest(_message.Message):
    __slots__ = ("queue", "id")
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    queue: str
    id: str
    def __init__(self, queue: _Optional[str] = ..., id: _Optional[str] = ...) -> None: ...

class WatchQueueRequest(_message.Message):
    __slots__ = ("queue", "cursor", "kinds", "task_id", "stats_interval")
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    CURSOR_FIELD_NUMBER: _ClassVar[int]
    KINDS_FIELD_NUMBER: _ClassVar[int]
    TASK_ID_FIELD_NUMBER: _ClassVar[int]
    STATS_INTERVAL_FIELD_NUMBER: _ClassVar[int]
    queue: str
    cursor: str
    kinds: _containers.RepeatedScalarFieldContainer[EventKind]
    task_id: str
    stats_interval: _duration_pb2.Duration
    def __init__(self, queue: _Optional[str] = ..., cursor: _Optional[str] = ..., kinds: _Optional[_Iterable[_Union[EventKind, str]]] = ..., task_id: _Optional[str] = ..., stats_interval: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ...) -> None: ...

class WatchQueueResponse(_message.Message):
    __slots__ = ("event", "gap", "stats")
    EVENT_FIELD_NUMBER: _ClassVar[int]
    GAP_FIELD_NUMBER: _ClassVar[int]
    STATS_FIELD_NUMBER: _ClassVar[int]
    event: QueueEvent
    gap: EventGap
    stats: QueueStats
    def __init__(self, event: _Optional[_Union[QueueEvent, _Mapping]] = ..., gap: _Optional[_Union[EventGap, _Mapping]] = ..., stats: _Optional[_Union[QueueStats, _Mapping]] = ...) -> None: ...

class QueueEvent(_message.Message):
    __slots__ = ("cursor", "queue", "kind", "task_id", "time", "attempt", "status", "error", "schedule_time", "reason", "count")
    CURSOR_FIELD_NUMBER: _ClassVar[int]
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    TASK_ID_FIELD_NUMBER: _ClassVar[int]
    TIME_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    SCHEDULE_TIME_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    cursor: str
    queue: str
    kind: EventKind
    task_id: str
    time: _timestamp_pb2.Timestamp
    attempt: int
    status: int
    error: str
    schedule_time: _timestamp_pb2.Timestamp
    reason: str
    count: int
    def __init__(self, cursor: _Optional[str] = ..., queue: _Optional[str] = ..., kind: _Optional[_Union[EventKind, str]] = ..., task_id: _Optional[str] = ..., time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., attempt: _Optional[int] = ..., status: _Optional[int] = ..., error: _Optional[str] = ..., schedule_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., reason: _Optional[str] = ..., count: _Optional[int] = ...) -> None: ...

class EventGap(_message.Message):
    __slots__ = ("queue", "from_cursor", "resume_cursor")
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    FROM_CURSOR_FIELD_NUMBER: _ClassVar[int]
    RESUME_CURSOR_FIELD_NUMBER: _ClassVar[int]
    queue: str
    from_cursor: str
    resume_cursor: str
    def __init__(self, queue: _Optional[str] = ..., from_cursor: _Optional[str] = ..., resume_cursor: _Optional[str] = ...) -> None: ...

class QueueStats(_message.Message):
    __slots__ = ("queue", "time", "counts", "dispatch_rate", "error_rate")
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    TIME_FIELD_NUMBER: _ClassVar[int]
    COUNTS_FIELD_NUMBER: _ClassVar[int]
    DISPATCH_RATE_FIELD_NUMBER: _ClassVar[int]
    ERROR_RATE_FIELD_NUMBER: _ClassVar[int]
    queue: str
    time: _timestamp_pb2.Timestamp
    counts: CountTasksResponse
    dispatch_rate: float
    error_rate: float
    def __init__(self, queue: _Optional[str] = ..., time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., counts: _Optional[_Union[CountTasksResponse, _Mapping]] = ..., dispatch_rate: _Optional[float] = ..., error_rate: _Optional[float] = ...) -> None: ...

class PauseQueueRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class ResumeQueueRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class PurgeQueueRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class PurgeQueueResponse(_message.Message):
    __slots__ = ("purged",)
    PURGED_FIELD_NUMBER: _ClassVar[int]
    purged: int
    def __init__(self, purged: _Optional[int] = ...) -> None: ...

class RunTaskRequest(_message.Message):
    __slots__ = ("queue", "id")
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    queue: str
    id: str
    def __init__(self, queue: _Optional[str] = ..., id: _Optional[str] = ...) -> None: ...

class RetryDeadTaskRequest(_message.Message):
    __slots__ = ("queue", "id")
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    queue: str
    id: str
    def __init__(self, queue: _Optional[str] = ..., id: _Optional[str] = ...) -> None: ...

class RetryAllDeadTasksRequest(_message.Message):
    __slots__ = ("queue",)
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    queue: str
    def __init__(self, queue: _Optional[str] = ...) -> None: ...

class RetryAllDeadTasksResponse(_message.Message):
    __slots__ = ("retried",)
    RETRIED_FIELD_NUMBER: _ClassVar[int]
    retried: int
    def __init__(self, retried: _Optional[int] = ...) -> None: ...

class ReplayTasksRequest(_message.Message):
    __slots__ = ("queue", "state", "since", "until", "last_status", "flow_key", "limit")
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    SINCE_FIELD_NUMBER: _ClassVar[int]
    UNTIL_FIELD_NUMBER: _ClassVar[int]
    LAST_STATUS_FIELD_NUMBER: _ClassVar[int]
    FLOW_KEY_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    queue: str
    state: TaskState
    since: _timestamp_pb2.Timestamp
    until: _timestamp_pb2.Timestamp
    last_status: int
    flow_key: str
    limit: int
    def __init__(self, queue: _Optional[str] = ..., state: _Optional[_Union[TaskState, str]] = ..., since: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., until: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., last_status: _Optional[int] = ..., flow_key: _Optional[str] = ..., limit: _Optional[int] = ...) -> None: ...

class ReplayTasksResponse(_message.Message):
    __slots__ = ("replayed", "more")
    REPLAYED_FIELD_NUMBER: _ClassVar[int]
    MORE_FIELD_NUMBER: _ClassVar[int]
    replayed: int
    more: bool
    def __init__(self, replayed: _Optional[int] = ..., more: _Optional[bool] = ...) -> None: ...

class DeleteDeadTaskRequest(_message.Message):
    __slots__ = ("queue", "id")
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    queue: str
    id: str
    def __init__(self, queue: _Optional[str] = ..., id: _Optional[str] = ...) -> None: ...

class DeleteDeadTaskResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class Schedule(_message.Message):
    __slots__ = ("name", "queue", "cron", "time_zone", "request", "flow_key", "catch_up", "next_run_time", "last_run_time", "create_time")
    NAME_FIELD_NUMBER: _ClassVar[int]
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    CRON_FIELD_NUMBER: _ClassVar[int]
    TIME_ZONE_FIELD_NUMBER: _ClassVar[int]
    REQUEST_FIELD_NUMBER: _ClassVar[int]
    FLOW_KEY_FIELD_NUMBER: _ClassVar[int]
    CATCH_UP_FIELD_NUMBER: _ClassVar[int]
    NEXT_RUN_TIME_FIELD_NUMBER: _ClassVar[int]
    LAST_RUN_TIME_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    name: str
    queue: str
    cron: str
    time_zone: str
    request: HttpRequest
    flow_key: str
    catch_up: CatchUp
    next_run_time: _timestamp_pb2.Timestamp
    last_run_time: _timestamp_pb2.Timestamp
    create_time: _timestamp_pb2.Timestamp
    def __init__(self, name: _Optional[str] = ..., queue: _Optional[str] = ..., cron: _Optional[str] = ..., time_zone: _Optional[str] = ..., request: _Optional[_Union[HttpRequest, _Mapping]] = ..., flow_key: _Optional[str] = ..., catch_up: _Optional[_Union[CatchUp, str]] = ..., next_run_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., last_run_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CreateScheduleRequest(_message.Message):
    __slots__ = ("schedule",)
    SCHEDULE_FIELD_NUMBER: _ClassVar[int]
    schedule: Schedule
    def __init__(self, schedule: _Optional[_Union[Schedule, _Mapping]] = ...) -> None: ...

class GetScheduleRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class ListSchedulesRequest(_message.Message):
    __slots__ = ("page_size", "page_token")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListSchedulesResponse(_message.Message):
    __slots__ = ("schedules", "next_page_token")
    SCHEDULES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    schedules: _containers.RepeatedCompositeFieldContainer[Schedule]
    next_page_token: str
    def __init__(self, schedules: _Optional[_Iterable[_Union[Schedule, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class DeleteScheduleRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class DeleteScheduleResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class SigningKey(_message.Message):
    __slots__ = ("id", "queue", "algorithm", "secret", "public_key", "create_time", "expire_time")
    ID_FIELD_NUMBER: _ClassVar[int]
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    ALGORITHM_FIELD_NUMBER: _ClassVar[int]
    SECRET_FIELD_NUMBER: _ClassVar[int]
    PUBLIC_KEY_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    EXPIRE_TIME_FIELD_NUMBER: _ClassVar[int]
    id: str
    queue: str
    algorithm: SigningAlgorithm
    secret: str
    public_key: str
    create_time: _timestamp_pb2.Timestamp
    expire_time: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., queue: _Optional[str] = ..., algorithm: _Optional[_Union[SigningAlgorithm, str]] = ..., secret: _Optional[str] = ..., public_key: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., expire_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CreateSigningKeyRequest(_message.Message):
    __slots__ = ("queue", "algorithm")
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    ALGORITHM_FIELD_NUMBER: _ClassVar[int]
    queue: str
    algorithm: SigningAlgorithm
    def __init__(self, queue: _Optional[str] = ..., algorithm: _Optional[_Union[SigningAlgorithm, str]] = ...) -> None: ...

class ListSigningKeysRequest(_message.Message):
    __slots__ = ("queue", "all")
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    ALL_FIELD_NUMBER: _ClassVar[int]
    queue: str
    all: bool
    def __init__(self, queue: _Optional[str] = ..., all: _Optional[bool] = ...) -> None: ...

class ListSigningKeysResponse(_message.Message):
    __slots__ = ("keys",)
    KEYS_FIELD_NUMBER: _ClassVar[int]
    keys: _containers.RepeatedCompositeFieldContainer[SigningKey]
    def __init__(self, keys: _Optional[_Iterable[_Union[SigningKey, _Mapping]]] = ...) -> None: ...

class RotateSigningKeyRequest(_message.Message):
    __slots__ = ("queue", "algorithm", "overlap")
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    ALGORITHM_FIELD_NUMBER: _ClassVar[int]
    OVERLAP_FIELD_NUMBER: _ClassVar[int]
    queue: str
    algorithm: SigningAlgorithm
    overlap: _duration_pb2.Duration
    def __init__(self, queue: _Optional[str] = ..., algorithm: _Optional[_Union[SigningAlgorithm, str]] = ..., overlap: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ...) -> None: ...

class RotateSigningKeyResponse(_message.Message):
    __slots__ = ("key", "replaced")
    KEY_FIELD_NUMBER: _ClassVar[int]
    REPLACED_FIELD_NUMBER: _ClassVar[int]
    key: SigningKey
    replaced: _containers.RepeatedCompositeFieldContainer[SigningKey]
    def __init__(self, key: _Optional[_Union[SigningKey, _Mapping]] = ..., replaced: _Optional[_Iterable[_Union[SigningKey, _Mapping]]] = ...) -> None: ...

class RetireSigningKeyRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class RetireSigningKeyResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class Topic(_message.Message):
    __slots__ = ("name", "endpoints", "pause_after_failures", "retry", "request_timeout", "create_time")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ENDPOINTS_FIELD_NUMBER: _ClassVar[int]
    PAUSE_AFTER_FAILURES_FIELD_NUMBER: _ClassVar[int]
    RETRY_FIELD_NUMBER: _ClassVar[int]
    REQUEST_TIMEOUT_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    name: str
    endpoints: _containers.RepeatedCompositeFieldContainer[Endpoint]
    pause_after_failures: int
    retry: RetryPolicy
    request_timeout: _duration_pb2.Duration
    create_time: _timestamp_pb2.Timestamp
    def __init__(self, name: _Optional[str] = ..., endpoints: _Optional[_Iterable[_Union[Endpoint, _Mapping]]] = ..., pause_after_failures: _Optional[int] = ..., retry: _Optional[_Union[RetryPolicy, _Mapping]] = ..., request_timeout: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class Endpoint(_message.Message):
    __slots__ = ("name", "url", "headers", "max_concurrency", "max_dispatches_per_second", "state", "state_reason", "state_time", "consecutive_failures", "queue")
    NAME_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    HEADERS_FIELD_NUMBER: _ClassVar[int]
    MAX_CONCURRENCY_FIELD_NUMBER: _ClassVar[int]
    MAX_DISPATCHES_PER_SECOND_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    STATE_REASON_FIELD_NUMBER: _ClassVar[int]
    STATE_TIME_FIELD_NUMBER: _ClassVar[int]
    CONSECUTIVE_FAILURES_FIELD_NUMBER: _ClassVar[int]
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    name: str
    url: str
    headers: _containers.RepeatedCompositeFieldContainer[Header]
    max_concurrency: int
    max_dispatches_per_second: float
    state: EndpointState
    state_reason: str
    state_time: _timestamp_pb2.Timestamp
    consecutive_failures: int
    queue: str
    def __init__(self, name: _Optional[str] = ..., url: _Optional[str] = ..., headers: _Optional[_Iterable[_Union[Header, _Mapping]]] = ..., max_concurrency: _Optional[int] = ..., max_dispatches_per_second: _Optional[float] = ..., state: _Optional[_Union[EndpointState, str]] = ..., state_reason: _Optional[str] = ..., state_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., consecutive_failures: _Optional[int] = ..., queue: _Optional[str] = ...) -> None: ...

class CreateTopicRequest(_message.Message):
    __slots__ = ("topic",)
    TOPIC_FIELD_NUMBER: _ClassVar[int]
    topic: Topic
    def __init__(self, topic: _Optional[_Union[Topic, _Mapping]] = ...) -> None: ...

class GetTopicRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class ListTopicsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListTopicsResponse(_message.Message):
    __slots__ = ("topics",)
    TOPICS_FIELD_NUMBER: _ClassVar[int]
    topics: _containers.RepeatedCompositeFieldContainer[Topic]
    def __init__(self, topics: _Optional[_Iterable[_Union[Topic, _Mapping]]] = ...) -> None: ...

class UpdateTopicRequest(_message.Message):
    __slots__ = ("topic", "update_mask")
    TOPIC_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    topic: Topic
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, topic: _Optional[_Union[Topic, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class DeleteTopicRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class DeleteTopicResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class AddEndpointRequest(_message.Message):
    __slots__ = ("topic", "endpoint")
    TOPIC_FIELD_NUMBER: _ClassVar[int]
    ENDPOINT_FIELD_NUMBER: _ClassVar[int]
    topic: str
    endpoint: Endpoint
    def __init__(self, topic: _Optional[str] = ..., endpoint: _Optional[_Union[Endpoint, _Mapping]] = ...) -> None: ...

class RemoveEndpointRequest(_message.Message):
    __slots__ = ("topic", "endpoint")
    TOPIC_FIELD_NUMBER: _ClassVar[int]
    ENDPOINT_FIELD_NUMBER: _ClassVar[int]
    topic: str
    endpoint: str
    def __init__(self, topic: _Optional[str] = ..., endpoint: _Optional[str] = ...) -> None: ...

class EnableEndpointRequest(_message.Message):
    __slots__ = ("topic", "endpoint")
    TOPIC_FIELD_NUMBER: _ClassVar[int]
    ENDPOINT_FIELD_NUMBER: _ClassVar[int]
    topic: str
    endpoint: str
    def __init__(self, topic: _Optional[str] = ..., endpoint: _Optional[str] = ...) -> None: ...

class PublishRequest(_message.Message):
    __slots__ = ("topic", "method", "headers", "data", "text", "delay", "idempotency_key", "callbacks")
    TOPIC_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    HEADERS_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    DELAY_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    CALLBACKS_FIELD_NUMBER: _ClassVar[int]
    topic: str
    method: str
    headers: _containers.RepeatedCompositeFieldContainer[Header]
    data: bytes
    text: str
    delay: _duration_pb2.Duration
    idempotency_key: str
    callbacks: Callbacks
    def __init__(self, topic: _Optional[str] = ..., method: _Optional[str] = ..., headers: _Optional[_Iterable[_Union[Header, _Mapping]]] = ..., data: _Optional[bytes] = ..., text: _Optional[str] = ..., delay: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., idempotency_key: _Optional[str] = ..., callbacks: _Optional[_Union[Callbacks, _Mapping]] = ...) -> None: ...

class Delivery(_message.Message):
    __slots__ = ("endpoint", "queue", "task_id", "duplicate", "skipped")
    ENDPOINT_FIELD_NUMBER: _ClassVar[int]
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    TASK_ID_FIELD_NUMBER: _ClassVar[int]
    DUPLICATE_FIELD_NUMBER: _ClassVar[int]
    SKIPPED_FIELD_NUMBER: _ClassVar[int]
    endpoint: str
    queue: str
    task_id: str
    duplicate: bool
    skipped: bool
    def __init__(self, endpoint: _Optional[str] = ..., queue: _Optional[str] = ..., task_id: _Optional[str] = ..., duplicate: _Optional[bool] = ..., skipped: _Optional[bool] = ...) -> None: ...

class PublishResponse(_message.Message):
    __slots__ = ("message_id", "deliveries")
    MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    DELIVERIES_FIELD_NUMBER: _ClassVar[int]
    message_id: str
    deliveries: _containers.RepeatedCompositeFieldContainer[Delivery]
    def __init__(self, message_id: _Optional[str] = ..., deliveries: _Optional[_Iterable[_Union[Delivery, _Mapping]]] = ...) -> None: ...

class PublishBatchRequest(_message.Message):
    __slots__ = ("topic", "messages")
    TOPIC_FIELD_NUMBER: _ClassVar[int]
    MESSAGES_FIELD_NUMBER: _ClassVar[int]
    topic: str
    messages: _containers.RepeatedCompositeFieldContainer[PublishRequest]
    def __init__(self, topic: _Optional[str] = ..., messages: _Optional[_Iterable[_Union[PublishRequest, _Mapping]]] = ...) -> None: ...

class PublishBatchResponse(_message.Message):
    __slots__ = ("messages",)
    MESSAGES_FIELD_NUMBER: _ClassVar[int]
    messages: _containers.RepeatedCompositeFieldContainer[PublishResponse]
    def __init__(self, messages: _Optional[_Iterable[_Union[PublishResponse, _Mapping]]] = ...) -> None: ...

class GetSystemRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class SystemInfo(_message.Message):
    __slots__ = ("processes", "redis", "answered_by")
    PROCESSES_FIELD_NUMBER: _ClassVar[int]
    REDIS_FIELD_NUMBER: _ClassVar[int]
    ANSWERED_BY_FIELD_NUMBER: _ClassVar[int]
    processes: _containers.RepeatedCompositeFieldContainer[HtqProcess]
    redis: RedisServer
    answered_by: str
    def __init__(self, processes: _Optional[_Iterable[_Union[HtqProcess, _Mapping]]] = ..., redis: _Optional[_Union[RedisServer, _Mapping]] = ..., answered_by: _Optional[str] = ...) -> None: ...

class HtqProcess(_message.Message):
    __slots__ = ("id", "version", "address", "host", "start_time", "in_flight", "last_heartbeat")
    ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    HOST_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    IN_FLIGHT_FIELD_NUMBER: _ClassVar[int]
    LAST_HEARTBEAT_FIELD_NUMBER: _ClassVar[int]
    id: str
    version: str
    address: str
    host: str
    start_time: _timestamp_pb2.Timestamp
    in_flight: int
    last_heartbeat: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., version: _Optional[str] = ..., address: _Optional[str] = ..., host: _Optional[str] = ..., start_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., in_flight: _Optional[int] = ..., last_heartbeat: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class RedisServer(_message.Message):
    __slots__ = ("mode", "version", "used_memory_bytes", "max_memory_bytes", "connected_clients")
    MODE_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    USED_MEMORY_BYTES_FIELD_NUMBER: _ClassVar[int]
    MAX_MEMORY_BYTES_FIELD_NUMBER: _ClassVar[int]
    CONNECTED_CLIENTS_FIELD_NUMBER: _ClassVar[int]
    mode: str
    version: str
    used_memory_bytes: int
    max_memory_bytes: int
    connected_clients: int
    def __init__(self, mode: _Optional[str] = ..., version: _Optional[str] = ..., used_memory_bytes: _Optional[int] = ..., max_memory_bytes: _Optional[int] = ..., connected_clients: _Optional[int] = ...) -> None: ...

class GetHistoryRequest(_message.Message):
    __slots__ = ("queue", "window")
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    WINDOW_FIELD_NUMBER: _ClassVar[int]
    queue: str
    window: _duration_pb2.Duration
    def __init__(self, queue: _Optional[str] = ..., window: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ...) -> None: ...

class QueueHistory(_message.Message):
    __slots__ = ("step", "points")
    STEP_FIELD_NUMBER: _ClassVar[int]
    POINTS_FIELD_NUMBER: _ClassVar[int]
    step: _duration_pb2.Duration
    points: _containers.RepeatedCompositeFieldContainer[HistoryPoint]
    def __init__(self, step: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., points: _Optional[_Iterable[_Union[HistoryPoint, _Mapping]]] = ...) -> None: ...

class HistoryPoint(_message.Message):
    __slots__ = ("time", "dispatches_per_second", "errors_per_second", "depth", "duration_p50_ms", "duration_p90_ms", "duration_p99_ms", "delay_p50_ms", "delay_p99_ms")
    TIME_FIELD_NUMBER: _ClassVar[int]
    DISPATCHES_PER_SECOND_FIELD_NUMBER: _ClassVar[int]
    ERRORS_PER_SECOND_FIELD_NUMBER: _ClassVar[int]
    DEPTH_FIELD_NUMBER: _ClassVar[int]
    DURATION_P50_MS_FIELD_NUMBER: _ClassVar[int]
    DURATION_P90_MS_FIELD_NUMBER: _ClassVar[int]
    DURATION_P99_MS_FIELD_NUMBER: _ClassVar[int]
    DELAY_P50_MS_FIELD_NUMBER: _ClassVar[int]
    DELAY_P99_MS_FIELD_NUMBER: _ClassVar[int]
    time: _timestamp_pb2.Timestamp
    dispatches_per_second: float
    errors_per_second: float
    depth: int
    duration_p50_ms: int
    duration_p90_ms: int
    duration_p99_ms: int
    delay_p50_ms: int
    delay_p99_ms: int
    def __init__(self, time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., dispatches_per_second: _Optional[float] = ..., errors_per_second: _Optional[float] = ..., depth: _Optional[int] = ..., duration_p50_ms: _Optional[int] = ..., duration_p90_ms: _Optional[int] = ..., duration_p99_ms: _Optional[int] = ..., delay_p50_ms: _Optional[int] = ..., delay_p99_ms: _Optional[int] = ...) -> None: ...
