// Original file: proto/htq/v1/htq.proto


export interface CancelTaskRequest {
  'queue'?: (string);
  'id'?: (string);
}

export interface CancelTaskRequest__Output {
  'queue': (string);
  'id': (string);
}
