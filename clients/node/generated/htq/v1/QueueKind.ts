// Original file: proto/htq/v1/htq.proto

export const QueueKind = {
  QUEUE_KIND_UNSPECIFIED: 'QUEUE_KIND_UNSPECIFIED',
  QUEUE_KIND_REAL_TIME: 'QUEUE_KIND_REAL_TIME',
  QUEUE_KIND_TIMING: 'QUEUE_KIND_TIMING',
  QUEUE_KIND_VARIABLE: 'QUEUE_KIND_VARIABLE',
} as const;

export type QueueKind =
  | 'QUEUE_KIND_UNSPECIFIED'
  | 0
  | 'QUEUE_KIND_REAL_TIME'
  | 1
  | 'QUEUE_KIND_TIMING'
  | 2
  | 'QUEUE_KIND_VARIABLE'
  | 3

export type QueueKind__Output = typeof QueueKind[keyof typeof QueueKind]
