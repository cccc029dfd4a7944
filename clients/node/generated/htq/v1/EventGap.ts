// Original file: proto/htq/v1/htq.proto


export interface EventGap {
  'queue'?: (string);
  'fromCursor'?: (string);
  'resumeCursor'?: (string);
}

export interface EventGap__Output {
  'queue': (string);
  'fromCursor': (string);
  'resumeCursor': (string);
}
