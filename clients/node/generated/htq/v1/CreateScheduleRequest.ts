// Original file: proto/htq/v1/htq.proto

import type { Schedule as _htq_v1_Schedule, Schedule__Output as _htq_v1_Schedule__Output } from '../../htq/v1/Schedule';

export interface CreateScheduleRequest {
  'schedule'?: (_htq_v1_Schedule | null);
}

export interface CreateScheduleRequest__Output {
  'schedule': (_htq_v1_Schedule__Output | null);
}
