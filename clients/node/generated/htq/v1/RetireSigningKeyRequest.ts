// Original file: proto/htq/v1/htq.proto


export interface RetireSigningKeyRequest {
  'id'?: (string);
}

export interface RetireSigningKeyRequest__Output {
  'id': (string);
}
