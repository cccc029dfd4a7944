// Original file: proto/htq/v1/htq.proto

import type { Header as _htq_v1_Header, Header__Output as _htq_v1_Header__Output } from '../../htq/v1/Header';
import type { EndpointState as _htq_v1_EndpointState, EndpointState__Output as _htq_v1_EndpointState__Output } from '../../htq/v1/EndpointState';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';

export interface Endpoint {
  'name'?: (string);
  'url'?: (string);
  'headers'?: (_htq_v1_Header)[];
  'maxConcurrency'?: (number);
  'maxDispatchesPerSecond'?: (number | string);
  'state'?: (_htq_v1_EndpointState);
  'stateReason'?: (string);
  'stateTime'?: (_google_protobuf_Timestamp | null);
  'consecutiveFailures'?: (number);
  'queue'?: (string);
}

export interface Endpoint__Output {
  'name': (string);
  'url': (string);
  'headers': (_htq_v1_Header__Output)[];
  'maxConcurrency': (number);
  'maxDispatchesPerSecond': (number);
  'state': (_htq_v1_EndpointState__Output);
  'stateReason': (string);
  'stateTime': (_google_protobuf_Timestamp__Output | null);
  'consecutiveFailures': (number);
  'queue': (string);
}
