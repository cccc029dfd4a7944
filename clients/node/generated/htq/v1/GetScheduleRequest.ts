// Original file: proto/htq/v1/htq.proto


export interface GetScheduleRequest {
  'name'?: (string);
}

export interface GetScheduleRequest__Output {
  'name': (string);
}
