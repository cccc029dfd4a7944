// Original file: proto/htq/v1/htq.proto


export interface ListTopicsRequest {
}

export interface ListTopicsRequest__Output {
}
