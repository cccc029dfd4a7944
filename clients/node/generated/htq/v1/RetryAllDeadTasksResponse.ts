// Original file: proto/htq/v1/htq.proto

import type { Long } from '@grpc/proto-loader';

export interface RetryAllDeadTasksResponse {
  'retried'?: (number | string | Long);
}

export interface RetryAllDeadTasksResponse__Output {
  'retried': (string);
}
