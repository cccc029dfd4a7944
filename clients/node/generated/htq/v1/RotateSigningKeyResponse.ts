// Original file: proto/htq/v1/htq.proto

import type { SigningKey as _htq_v1_SigningKey, SigningKey__Output as _htq_v1_SigningKey__Output } from '../../htq/v1/SigningKey';

export interface RotateSigningKeyResponse {
  'key'?: (_htq_v1_SigningKey | null);
  'replaced'?: (_htq_v1_SigningKey)[];
}

export interface RotateSigningKeyResponse__Output {
  'key': (_htq_v1_SigningKey__Output | null);
  'replaced': (_htq_v1_SigningKey__Output)[];
}
