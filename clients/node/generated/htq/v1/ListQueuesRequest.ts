// Original file: proto/htq/v1/htq.proto

import type { FieldMask as _google_protobuf_FieldMask, FieldMask__Output as _google_protobuf_FieldMask__Output } from '../../google/protobuf/FieldMask';

export interface ListQueuesRequest {
  'pageSize'?: (number);
  'pageToken'?: (string);
  'readMask'?: (_google_protobuf_FieldMask | null);
}

export interface ListQueuesRequest__Output {
  'pageSize': (number);
  'pageToken': (string);
  'readMask': (_google_protobuf_FieldMask__Output | null);
}
