// Original file: proto/htq/v1/htq.proto

import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from '../../google/protobuf/Duration';

export interface VariableSettings {
  'steppingInterval'?: (_google_protobuf_Duration | null);
  'maxInterval'?: (_google_protobuf_Duration | null);
}

export interface VariableSettings__Output {
  'steppingInterval': (_google_protobuf_Duration__Output | null);
  'maxInterval': (_google_protobuf_Duration__Output | null);
}
