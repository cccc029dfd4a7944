// Original file: proto/htq/v1/htq.proto


export interface GetTopicRequest {
  'name'?: (string);
}

export interface GetTopicRequest__Output {
  'name': (string);
}
