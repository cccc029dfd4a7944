// Original file: proto/htq/v1/htq.proto

import type { Header as _htq_v1_Header, Header__Output as _htq_v1_Header__Output } from '../../htq/v1/Header';

export interface CapturedResponse {
  'headers'?: (_htq_v1_Header)[];
  'body'?: (string);
  'bodyBase64'?: (boolean);
  'bodyTruncated'?: (boolean);
}

export interface CapturedResponse__Output {
  'headers': (_htq_v1_Header__Output)[];
  'body': (string);
  'bodyBase64': (boolean);
  'bodyTruncated': (boolean);
}
