// Original file: proto/htq/v1/htq.proto


export interface ListQueuesRequest {
  'pageSize'?: (number);
  'pageToken'?: (string);
}

export interface ListQueuesRequest__Output {
  'pageSize': (number);
  'pageToken': (string);
}
