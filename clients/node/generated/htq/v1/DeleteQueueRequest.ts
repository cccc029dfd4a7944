// Original file: proto/htq/v1/htq.proto


export interface DeleteQueueRequest {
  'name'?: (string);
}

export interface DeleteQueueRequest__Output {
  'name': (string);
}
