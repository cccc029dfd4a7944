// Original file: proto/htq/v1/htq.proto


export interface PurgeQueueRequest {
  'name'?: (string);
}

export interface PurgeQueueRequest__Output {
  'name': (string);
}
