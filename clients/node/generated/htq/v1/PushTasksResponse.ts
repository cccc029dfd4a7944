// Original file: proto/htq/v1/htq.proto


export interface PushTasksResponse {
  'taskIds'?: (string)[];
  'duplicates'?: (boolean)[];
}

export interface PushTasksResponse__Output {
  'taskIds': (string)[];
  'duplicates': (boolean)[];
}
