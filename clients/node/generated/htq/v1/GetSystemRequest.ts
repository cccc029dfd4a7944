// Original file: proto/htq/v1/htq.proto


export interface GetSystemRequest {
}

export interface GetSystemRequest__Output {
}
