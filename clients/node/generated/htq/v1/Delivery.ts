// Original file: proto/htq/v1/htq.proto


export interface Delivery {
  'endpoint'?: (string);
  'queue'?: (string);
  'taskId'?: (string);
  'duplicate'?: (boolean);
  'skipped'?: (boolean);
}

export interface Delivery__Output {
  'endpoint': (string);
  'queue': (string);
  'taskId': (string);
  'duplicate': (boolean);
  'skipped': (boolean);
}
