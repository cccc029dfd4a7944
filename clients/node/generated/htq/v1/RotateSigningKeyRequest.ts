// Original file: proto/htq/v1/htq.proto

import type { SigningAlgorithm as _htq_v1_SigningAlgorithm, SigningAlgorithm__Output as _htq_v1_SigningAlgorithm__Output } from '../../htq/v1/SigningAlgorithm';
import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from '../../google/protobuf/Duration';

export interface RotateSigningKeyRequest {
  'queue'?: (string);
  'algorithm'?: (_htq_v1_SigningAlgorithm);
  'overlap'?: (_google_protobuf_Duration | null);
}

export interface RotateSigningKeyRequest__Output {
  'queue': (string);
  'algorithm': (_htq_v1_SigningAlgorithm__Output);
  'overlap': (_google_protobuf_Duration__Output | null);
}
