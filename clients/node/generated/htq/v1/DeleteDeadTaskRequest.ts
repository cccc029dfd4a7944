// Original file: proto/htq/v1/htq.proto


export interface DeleteDeadTaskRequest {
  'queue'?: (string);
  'id'?: (string);
}

export interface DeleteDeadTaskRequest__Output {
  'queue': (string);
  'id': (string);
}
