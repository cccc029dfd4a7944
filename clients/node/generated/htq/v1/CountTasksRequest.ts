// Original file: proto/htq/v1/htq.proto


export interface CountTasksRequest {
  'queue'?: (string);
}

export interface CountTasksRequest__Output {
  'queue': (string);
}
