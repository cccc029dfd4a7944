// Original file: proto/htq/v1/htq.proto


export interface FormField {
  'name'?: (string);
  'value'?: (string);
}

export interface FormField__Output {
  'name': (string);
  'value': (string);
}
