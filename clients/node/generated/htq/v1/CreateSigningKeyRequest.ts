// Original file: proto/htq/v1/htq.proto

import type { SigningAlgorithm as _htq_v1_SigningAlgorithm, SigningAlgorithm__Output as _htq_v1_SigningAlgorithm__Output } from '../../htq/v1/SigningAlgorithm';

export interface CreateSigningKeyRequest {
  'queue'?: (string);
  'algorithm'?: (_htq_v1_SigningAlgorithm);
}

export interface CreateSigningKeyRequest__Output {
  'queue': (string);
  'algorithm': (_htq_v1_SigningAlgorithm__Output);
}
