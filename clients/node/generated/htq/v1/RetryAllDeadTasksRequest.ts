// Original file: proto/htq/v1/htq.proto


export interface RetryAllDeadTasksRequest {
  'queue'?: (string);
}

export interface RetryAllDeadTasksRequest__Output {
  'queue': (string);
}
