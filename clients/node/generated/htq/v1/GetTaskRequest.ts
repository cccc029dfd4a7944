// Original file: proto/htq/v1/htq.proto


export interface GetTaskRequest {
  'queue'?: (string);
  'id'?: (string);
}

export interface GetTaskRequest__Output {
  'queue': (string);
  'id': (string);
}
