// Original file: proto/htq/v1/htq.proto

import type { Queue as _htq_v1_Queue, Queue__Output as _htq_v1_Queue__Output } from '../../htq/v1/Queue';
import type { FieldMask as _google_protobuf_FieldMask, FieldMask__Output as _google_protobuf_FieldMask__Output } from '../../google/protobuf/FieldMask';

export interface UpdateQueueRequest {
  'queue'?: (_htq_v1_Queue | null);
  'updateMask'?: (_google_protobuf_FieldMask | null);
}

export interface UpdateQueueRequest__Output {
  'queue': (_htq_v1_Queue__Output | null);
  'updateMask': (_google_protobuf_FieldMask__Output | null);
}
