// Original file: proto/htq/v1/htq.proto

export const EndpointState = {
  ENDPOINT_STATE_UNSPECIFIED: 'ENDPOINT_STATE_UNSPECIFIED',
  ENDPOINT_STATE_ENABLED: 'ENDPOINT_STATE_ENABLED',
  ENDPOINT_STATE_DISABLED: 'ENDPOINT_STATE_DISABLED',
  ENDPOINT_STATE_PAUSED: 'ENDPOINT_STATE_PAUSED',
} as const;

export type EndpointState =
  | 'ENDPOINT_STATE_UNSPECIFIED'
  | 0
  | 'ENDPOINT_STATE_ENABLED'
  | 1
  | 'ENDPOINT_STATE_DISABLED'
  | 2
  | 'ENDPOINT_STATE_PAUSED'
  | 3

export type EndpointState__Output = typeof EndpointState[keyof typeof EndpointState]
