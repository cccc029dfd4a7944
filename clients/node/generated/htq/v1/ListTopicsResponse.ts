// Original file: proto/htq/v1/htq.proto

import type { Topic as _htq_v1_Topic, Topic__Output as _htq_v1_Topic__Output } from '../../htq/v1/Topic';

export interface ListTopicsResponse {
  'topics'?: (_htq_v1_Topic)[];
}

export interface ListTopicsResponse__Output {
  'topics': (_htq_v1_Topic__Output)[];
}
