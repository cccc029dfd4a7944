// Original file: proto/htq/v1/htq.proto

import type { Schedule as _htq_v1_Schedule, Schedule__Output as _htq_v1_Schedule__Output } from '../../htq/v1/Schedule';

export interface ListSchedulesResponse {
  'schedules'?: (_htq_v1_Schedule)[];
  'nextPageToken'?: (string);
}

export interface ListSchedulesResponse__Output {
  'schedules': (_htq_v1_Schedule__Output)[];
  'nextPageToken': (string);
}
