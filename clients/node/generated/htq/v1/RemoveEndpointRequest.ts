// Original file: proto/htq/v1/htq.proto


export interface RemoveEndpointRequest {
  'topic'?: (string);
  'endpoint'?: (string);
}

export interface RemoveEndpointRequest__Output {
  'topic': (string);
  'endpoint': (string);
}
