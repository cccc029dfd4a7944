// Original file: proto/htq/v1/htq.proto

import type { Long } from '@grpc/proto-loader';

export interface RedisServer {
  'mode'?: (string);
  'version'?: (string);
  'usedMemoryBytes'?: (number | string | Long);
  'maxMemoryBytes'?: (number | string | Long);
  'connectedClients'?: (number | string | Long);
}

export interface RedisServer__Output {
  'mode': (string);
  'version': (string);
  'usedMemoryBytes': (string);
  'maxMemoryBytes': (string);
  'connectedClients': (string);
}
