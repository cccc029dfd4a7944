// Original file: proto/htq/v1/htq.proto

import type { Header as _htq_v1_Header, Header__Output as _htq_v1_Header__Output } from '../../htq/v1/Header';

export interface Callback {
  'method'?: (string);
  'url'?: (string);
  'headers'?: (_htq_v1_Header)[];
}

export interface Callback__Output {
  'method': (string);
  'url': (string);
  'headers': (_htq_v1_Header__Output)[];
}
