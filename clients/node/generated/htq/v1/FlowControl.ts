// Original file: proto/htq/v1/htq.proto


export interface FlowControl {
  'maxConcurrency'?: (number);
  'maxDispatchesPerSecond'?: (number | string);
  'maxBurst'?: (number);
}

export interface FlowControl__Output {
  'maxConcurrency': (number);
  'maxDispatchesPerSecond': (number);
  'maxBurst': (number);
}
