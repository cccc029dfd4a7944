// Original file: proto/htq/v1/htq.proto

import type { Callback as _htq_v1_Callback, Callback__Output as _htq_v1_Callback__Output } from '../../htq/v1/Callback';

export interface Callbacks {
  'onSuccess'?: (_htq_v1_Callback | null);
  'onFailure'?: (_htq_v1_Callback | null);
  'onCancel'?: (boolean);
  'queue'?: (string);
}

export interface Callbacks__Output {
  'onSuccess': (_htq_v1_Callback__Output | null);
  'onFailure': (_htq_v1_Callback__Output | null);
  'onCancel': (boolean);
  'queue': (string);
}
