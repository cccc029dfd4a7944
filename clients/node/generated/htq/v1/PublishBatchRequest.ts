// Original file: proto/htq/v1/htq.proto

import type { PublishRequest as _htq_v1_PublishRequest, PublishRequest__Output as _htq_v1_PublishRequest__Output } from '../../htq/v1/PublishRequest';

export interface PublishBatchRequest {
  'topic'?: (string);
  'messages'?: (_htq_v1_PublishRequest)[];
}

export interface PublishBatchRequest__Output {
  'topic': (string);
  'messages': (_htq_v1_PublishRequest__Output)[];
}
