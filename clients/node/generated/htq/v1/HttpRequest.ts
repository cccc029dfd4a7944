// Original file: proto/htq/v1/htq.proto

import type { Header as _htq_v1_Header, Header__Output as _htq_v1_Header__Output } from '../../htq/v1/Header';
import type { Form as _htq_v1_Form, Form__Output as _htq_v1_Form__Output } from '../../htq/v1/Form';

export interface HttpRequest {
  'method'?: (string);
  'url'?: (string);
  'headers'?: (_htq_v1_Header)[];
  'data'?: (Buffer | Uint8Array | string);
  'form'?: (_htq_v1_Form | null);
  'body'?: "data"|"form";
}

export interface HttpRequest__Output {
  'method': (string);
  'url': (string);
  'headers': (_htq_v1_Header__Output)[];
  'data'?: (Buffer);
  'form'?: (_htq_v1_Form__Output | null);
  'body'?: "data"|"form";
}
