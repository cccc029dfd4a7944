// Original file: proto/htq/v1/htq.proto

import type { Header as _htq_v1_Header, Header__Output as _htq_v1_Header__Output } from '../../htq/v1/Header';
import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from '../../google/protobuf/Duration';
import type { Callbacks as _htq_v1_Callbacks, Callbacks__Output as _htq_v1_Callbacks__Output } from '../../htq/v1/Callbacks';

export interface PublishRequest {
  'topic'?: (string);
  'method'?: (string);
  'headers'?: (_htq_v1_Header)[];
  'data'?: (Buffer | Uint8Array | string);
  'text'?: (string);
  'delay'?: (_google_protobuf_Duration | null);
  'idempotencyKey'?: (string);
  'callbacks'?: (_htq_v1_Callbacks | null);
  'body'?: "data"|"text";
}

export interface PublishRequest__Output {
  'topic': (string);
  'method': (string);
  'headers': (_htq_v1_Header__Output)[];
  'data'?: (Buffer);
  'text'?: (string);
  'delay': (_google_protobuf_Duration__Output | null);
  'idempotencyKey': (string);
  'callbacks': (_htq_v1_Callbacks__Output | null);
  'body'?: "data"|"text";
}
