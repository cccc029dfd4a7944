// Original file: proto/htq/v1/htq.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';

export interface PushTaskResponse {
  'taskId'?: (string);
  'scheduleTime'?: (_google_protobuf_Timestamp | null);
  'duplicate'?: (boolean);
}

export interface PushTaskResponse__Output {
  'taskId': (string);
  'scheduleTime': (_google_protobuf_Timestamp__Output | null);
  'duplicate': (boolean);
}
