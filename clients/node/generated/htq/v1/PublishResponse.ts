// Original file: proto/htq/v1/htq.proto

import type { Delivery as _htq_v1_Delivery, Delivery__Output as _htq_v1_Delivery__Output } from '../../htq/v1/Delivery';

export interface PublishResponse {
  'messageId'?: (string);
  'deliveries'?: (_htq_v1_Delivery)[];
}

export interface PublishResponse__Output {
  'messageId': (string);
  'deliveries': (_htq_v1_Delivery__Output)[];
}
