// Original file: proto/htq/v1/htq.proto

import type { Topic as _htq_v1_Topic, Topic__Output as _htq_v1_Topic__Output } from '../../htq/v1/Topic';
import type { FieldMask as _google_protobuf_FieldMask, FieldMask__Output as _google_protobuf_FieldMask__Output } from '../../google/protobuf/FieldMask';

export interface UpdateTopicRequest {
  'topic'?: (_htq_v1_Topic | null);
  'updateMask'?: (_google_protobuf_FieldMask | null);
}

export interface UpdateTopicRequest__Output {
  'topic': (_htq_v1_Topic__Output | null);
  'updateMask': (_google_protobuf_FieldMask__Output | null);
}
