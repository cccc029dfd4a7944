// Original file: proto/htq/v1/htq.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';
import type { Long } from '@grpc/proto-loader';

export interface HistoryPoint {
  'time'?: (_google_protobuf_Timestamp | null);
  'dispatchesPerSecond'?: (number | string);
  'errorsPerSecond'?: (number | string);
  'depth'?: (number | string | Long);
  'durationP50Ms'?: (number | string | Long);
  'durationP90Ms'?: (number | string | Long);
  'durationP99Ms'?: (number | string | Long);
  'delayP50Ms'?: (number | string | Long);
  'delayP99Ms'?: (number | string | Long);
}

export interface HistoryPoint__Output {
  'time': (_google_protobuf_Timestamp__Output | null);
  'dispatchesPerSecond': (number);
  'errorsPerSecond': (number);
  'depth': (string);
  'durationP50Ms': (string);
  'durationP90Ms': (string);
  'durationP99Ms': (string);
  'delayP50Ms': (string);
  'delayP99Ms': (string);
}
