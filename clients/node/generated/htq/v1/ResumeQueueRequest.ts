// Original file: proto/htq/v1/htq.proto


export interface ResumeQueueRequest {
  'name'?: (string);
}

export interface ResumeQueueRequest__Output {
  'name': (string);
}
