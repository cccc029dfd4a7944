// Original file: proto/htq/v1/htq.proto


export interface DeleteScheduleRequest {
  'name'?: (string);
}

export interface DeleteScheduleRequest__Output {
  'name': (string);
}
