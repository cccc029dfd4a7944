// Original file: proto/htq/v1/htq.proto

import type { PublishResponse as _htq_v1_PublishResponse, PublishResponse__Output as _htq_v1_PublishResponse__Output } from '../../htq/v1/PublishResponse';

export interface PublishBatchResponse {
  'messages'?: (_htq_v1_PublishResponse)[];
}

export interface PublishBatchResponse__Output {
  'messages': (_htq_v1_PublishResponse__Output)[];
}
