// Original file: proto/htq/v1/htq.proto

import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from '../../google/protobuf/Duration';
import type { HistoryPoint as _htq_v1_HistoryPoint, HistoryPoint__Output as _htq_v1_HistoryPoint__Output } from '../../htq/v1/HistoryPoint';

export interface QueueHistory {
  'step'?: (_google_protobuf_Duration | null);
  'points'?: (_htq_v1_HistoryPoint)[];
}

export interface QueueHistory__Output {
  'step': (_google_protobuf_Duration__Output | null);
  'points': (_htq_v1_HistoryPoint__Output)[];
}
