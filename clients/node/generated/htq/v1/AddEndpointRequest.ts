// Original file: proto/htq/v1/htq.proto

import type { Endpoint as _htq_v1_Endpoint, Endpoint__Output as _htq_v1_Endpoint__Output } from '../../htq/v1/Endpoint';

export interface AddEndpointRequest {
  'topic'?: (string);
  'endpoint'?: (_htq_v1_Endpoint | null);
}

export interface AddEndpointRequest__Output {
  'topic': (string);
  'endpoint': (_htq_v1_Endpoint__Output | null);
}
