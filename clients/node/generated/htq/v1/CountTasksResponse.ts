// Original file: proto/htq/v1/htq.proto

import type { Long } from '@grpc/proto-loader';

export interface CountTasksResponse {
  'scheduled'?: (number | string | Long);
  'due'?: (number | string | Long);
  'active'?: (number | string | Long);
  'dead'?: (number | string | Long);
  'finished'?: (number | string | Long);
  'evicted'?: (number | string | Long);
}

export interface CountTasksResponse__Output {
  'scheduled': (string);
  'due': (string);
  'active': (string);
  'dead': (string);
  'finished': (string);
  'evicted': (string);
}
