// Original file: proto/htq/v1/htq.proto

import type { HtqProcess as _htq_v1_HtqProcess, HtqProcess__Output as _htq_v1_HtqProcess__Output } from '../../htq/v1/HtqProcess';
import type { RedisServer as _htq_v1_RedisServer, RedisServer__Output as _htq_v1_RedisServer__Output } from '../../htq/v1/RedisServer';

export interface SystemInfo {
  'processes'?: (_htq_v1_HtqProcess)[];
  'redis'?: (_htq_v1_RedisServer | null);
  'answeredBy'?: (string);
}

export interface SystemInfo__Output {
  'processes': (_htq_v1_HtqProcess__Output)[];
  'redis': (_htq_v1_RedisServer__Output | null);
  'answeredBy': (string);
}
