// Original file: proto/htq/v1/htq.proto

import type { QueueEvent as _htq_v1_QueueEvent, QueueEvent__Output as _htq_v1_QueueEvent__Output } from '../../htq/v1/QueueEvent';
import type { EventGap as _htq_v1_EventGap, EventGap__Output as _htq_v1_EventGap__Output } from '../../htq/v1/EventGap';
import type { QueueStats as _htq_v1_QueueStats, QueueStats__Output as _htq_v1_QueueStats__Output } from '../../htq/v1/QueueStats';

export interface WatchQueueResponse {
  'event'?: (_htq_v1_QueueEvent | null);
  'gap'?: (_htq_v1_EventGap | null);
  'stats'?: (_htq_v1_QueueStats | null);
  'item'?: "event"|"gap"|"stats";
}

export interface WatchQueueResponse__Output {
  'event'?: (_htq_v1_QueueEvent__Output | null);
  'gap'?: (_htq_v1_EventGap__Output | null);
  'stats'?: (_htq_v1_QueueStats__Output | null);
  'item'?: "event"|"gap"|"stats";
}
