// Original file: proto/htq/v1/htq.proto


export interface ListSchedulesRequest {
  'pageSize'?: (number);
  'pageToken'?: (string);
}

export interface ListSchedulesRequest__Output {
  'pageSize': (number);
  'pageToken': (string);
}
