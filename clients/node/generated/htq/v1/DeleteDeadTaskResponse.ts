// Original file: proto/htq/v1/htq.proto


export interface DeleteDeadTaskResponse {
}

export interface DeleteDeadTaskResponse__Output {
}
