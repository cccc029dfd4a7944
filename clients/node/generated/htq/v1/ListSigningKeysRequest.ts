// Original file: proto/htq/v1/htq.proto


export interface ListSigningKeysRequest {
  'queue'?: (string);
  'all'?: (boolean);
}

export interface ListSigningKeysRequest__Output {
  'queue': (string);
  'all': (boolean);
}
