// Original file: proto/htq/v1/htq.proto

import type { Queue as _htq_v1_Queue, Queue__Output as _htq_v1_Queue__Output } from '../../htq/v1/Queue';

export interface CreateQueueRequest {
  'queue'?: (_htq_v1_Queue | null);
}

export interface CreateQueueRequest__Output {
  'queue': (_htq_v1_Queue__Output | null);
}
