// Original file: proto/htq/v1/htq.proto

import type { Long } from '@grpc/proto-loader';

export interface ReplayTasksResponse {
  'replayed'?: (number | string | Long);
  'more'?: (boolean);
}

export interface ReplayTasksResponse__Output {
  'replayed': (string);
  'more': (boolean);
}
