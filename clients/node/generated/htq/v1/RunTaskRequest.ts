// Original file: proto/htq/v1/htq.proto


export interface RunTaskRequest {
  'queue'?: (string);
  'id'?: (string);
}

export interface RunTaskRequest__Output {
  'queue': (string);
  'id': (string);
}
