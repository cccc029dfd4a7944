// Original file: proto/htq/v1/htq.proto


export interface RetryDeadTaskRequest {
  'queue'?: (string);
  'id'?: (string);
}

export interface RetryDeadTaskRequest__Output {
  'queue': (string);
  'id': (string);
}
