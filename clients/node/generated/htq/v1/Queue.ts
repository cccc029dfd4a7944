// Original file: proto/htq/v1/htq.proto

import type { QueueKind as _htq_v1_QueueKind, QueueKind__Output as _htq_v1_QueueKind__Output } from '../../htq/v1/QueueKind';
import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from '../../google/protobuf/Duration';
import type { RetryPolicy as _htq_v1_RetryPolicy, RetryPolicy__Output as _htq_v1_RetryPolicy__Output } from '../../htq/v1/RetryPolicy';
import type { VariableSettings as _htq_v1_VariableSettings, VariableSettings__Output as _htq_v1_VariableSettings__Output } from '../../htq/v1/VariableSettings';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';
import type { FlowControl as _htq_v1_FlowControl, FlowControl__Output as _htq_v1_FlowControl__Output } from '../../htq/v1/FlowControl';
import type { DeadLetterPolicy as _htq_v1_DeadLetterPolicy, DeadLetterPolicy__Output as _htq_v1_DeadLetterPolicy__Output } from '../../htq/v1/DeadLetterPolicy';
import type { Callbacks as _htq_v1_Callbacks, Callbacks__Output as _htq_v1_Callbacks__Output } from '../../htq/v1/Callbacks';

export interface Queue {
  'name'?: (string);
  'kind'?: (_htq_v1_QueueKind);
  'maxConcurrency'?: (number);
  'requestTimeout'?: (_google_protobuf_Duration | null);
  'retry'?: (_htq_v1_RetryPolicy | null);
  'variable'?: (_htq_v1_VariableSettings | null);
  'paused'?: (boolean);
  'createTime'?: (_google_protobuf_Timestamp | null);
  'maxDispatchesPerSecond'?: (number | string);
  'maxBurst'?: (number);
  'flow'?: (_htq_v1_FlowControl | null);
  'deadLetter'?: (_htq_v1_DeadLetterPolicy | null);
  'retention'?: (_google_protobuf_Duration | null);
  'dedupWindow'?: (_google_protobuf_Duration | null);
  'attemptHistory'?: (number);
  'maxEvents'?: (number);
  'hideReplies'?: (boolean);
  'partitions'?: (number);
  'followRedirects'?: (boolean);
  'captureResponses'?: (boolean);
  'captureBodyBytes'?: (number);
  'callbacks'?: (_htq_v1_Callbacks | null);
}

export interface Queue__Output {
  'name': (string);
  'kind': (_htq_v1_QueueKind__Output);
  'maxConcurrency': (number);
  'requestTimeout': (_google_protobuf_Duration__Output | null);
  'retry': (_htq_v1_RetryPolicy__Output | null);
  'variable': (_htq_v1_VariableSettings__Output | null);
  'paused': (boolean);
  'createTime': (_google_protobuf_Timestamp__Output | null);
  'maxDispatchesPerSecond': (number);
  'maxBurst': (number);
  'flow': (_htq_v1_FlowControl__Output | null);
  'deadLetter': (_htq_v1_DeadLetterPolicy__Output | null);
  'retention': (_google_protobuf_Duration__Output | null);
  'dedupWindow': (_google_protobuf_Duration__Output | null);
  'attemptHistory': (number);
  'maxEvents': (number);
  'hideReplies': (boolean);
  'partitions': (number);
  'followRedirects': (boolean);
  'captureResponses': (boolean);
  'captureBodyBytes': (number);
  'callbacks': (_htq_v1_Callbacks__Output | null);
}
