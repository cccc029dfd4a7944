// Original file: proto/htq/v1/htq.proto

import type { SigningKey as _htq_v1_SigningKey, SigningKey__Output as _htq_v1_SigningKey__Output } from '../../htq/v1/SigningKey';

export interface ListSigningKeysResponse {
  'keys'?: (_htq_v1_SigningKey)[];
}

export interface ListSigningKeysResponse__Output {
  'keys': (_htq_v1_SigningKey__Output)[];
}
