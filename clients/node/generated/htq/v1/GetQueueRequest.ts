// Original file: proto/htq/v1/htq.proto


export interface GetQueueRequest {
  'name'?: (string);
}

export interface GetQueueRequest__Output {
  'name': (string);
}
