// Original file: proto/htq/v1/htq.proto

import type { SigningAlgorithm as _htq_v1_SigningAlgorithm, SigningAlgorithm__Output as _htq_v1_SigningAlgorithm__Output } from '../../htq/v1/SigningAlgorithm';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';

export interface SigningKey {
  'id'?: (string);
  'queue'?: (string);
  'algorithm'?: (_htq_v1_SigningAlgorithm);
  'secret'?: (string);
  'publicKey'?: (string);
  'createTime'?: (_google_protobuf_Timestamp | null);
  'expireTime'?: (_google_protobuf_Timestamp | null);
}

export interface SigningKey__Output {
  'id': (string);
  'queue': (string);
  'algorithm': (_htq_v1_SigningAlgorithm__Output);
  'secret': (string);
  'publicKey': (string);
  'createTime': (_google_protobuf_Timestamp__Output | null);
  'expireTime': (_google_protobuf_Timestamp__Output | null);
}
