// Original file: proto/htq/v1/htq.proto


export interface RetireSigningKeyResponse {
}

export interface RetireSigningKeyResponse__Output {
}
