// Original file: proto/htq/v1/htq.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';
import type { Long } from '@grpc/proto-loader';

export interface HtqProcess {
  'id'?: (string);
  'version'?: (string);
  'address'?: (string);
  'host'?: (string);
  'startTime'?: (_google_protobuf_Timestamp | null);
  'inFlight'?: (number | string | Long);
  'lastHeartbeat'?: (_google_protobuf_Timestamp | null);
}

export interface HtqProcess__Output {
  'id': (string);
  'version': (string);
  'address': (string);
  'host': (string);
  'startTime': (_google_protobuf_Timestamp__Output | null);
  'inFlight': (string);
  'lastHeartbeat': (_google_protobuf_Timestamp__Output | null);
}
