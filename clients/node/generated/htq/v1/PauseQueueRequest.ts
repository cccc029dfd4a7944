// Original file: proto/htq/v1/htq.proto


export interface PauseQueueRequest {
  'name'?: (string);
}

export interface PauseQueueRequest__Output {
  'name': (string);
}
