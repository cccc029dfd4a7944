// Original file: proto/htq/v1/htq.proto


export interface EnableEndpointRequest {
  'topic'?: (string);
  'endpoint'?: (string);
}

export interface EnableEndpointRequest__Output {
  'topic': (string);
  'endpoint': (string);
}
