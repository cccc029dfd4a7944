// Original file: proto/htq/v1/htq.proto

import type { HttpRequest as _htq_v1_HttpRequest, HttpRequest__Output as _htq_v1_HttpRequest__Output } from '../../htq/v1/HttpRequest';
import type { CatchUp as _htq_v1_CatchUp, CatchUp__Output as _htq_v1_CatchUp__Output } from '../../htq/v1/CatchUp';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';

export interface Schedule {
  'name'?: (string);
  'queue'?: (string);
  'cron'?: (string);
  'timeZone'?: (string);
  'request'?: (_htq_v1_HttpRequest | null);
  'flowKey'?: (string);
  'catchUp'?: (_htq_v1_CatchUp);
  'nextRunTime'?: (_google_protobuf_Timestamp | null);
  'lastRunTime'?: (_google_protobuf_Timestamp | null);
  'createTime'?: (_google_protobuf_Timestamp | null);
}

export interface Schedule__Output {
  'name': (string);
  'queue': (string);
  'cron': (string);
  'timeZone': (string);
  'request': (_htq_v1_HttpRequest__Output | null);
  'flowKey': (string);
  'catchUp': (_htq_v1_CatchUp__Output);
  'nextRunTime': (_google_protobuf_Timestamp__Output | null);
  'lastRunTime': (_google_protobuf_Timestamp__Output | null);
  'createTime': (_google_protobuf_Timestamp__Output | null);
}
