// Original file: proto/htq/v1/htq.proto

import type { FormField as _htq_v1_FormField, FormField__Output as _htq_v1_FormField__Output } from '../../htq/v1/FormField';

export interface Form {
  'fields'?: (_htq_v1_FormField)[];
}

export interface Form__Output {
  'fields': (_htq_v1_FormField__Output)[];
}
