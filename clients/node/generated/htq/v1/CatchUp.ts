// Original file: proto/htq/v1/htq.proto

export const CatchUp = {
  CATCH_UP_UNSPECIFIED: 'CATCH_UP_UNSPECIFIED',
  CATCH_UP_ONE: 'CATCH_UP_ONE',
  CATCH_UP_SKIP: 'CATCH_UP_SKIP',
} as const;

export type CatchUp =
  | 'CATCH_UP_UNSPECIFIED'
  | 0
  | 'CATCH_UP_ONE'
  | 1
  | 'CATCH_UP_SKIP'
  | 2

export type CatchUp__Output = typeof CatchUp[keyof typeof CatchUp]
