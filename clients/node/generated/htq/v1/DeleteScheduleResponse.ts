// Original file: proto/htq/v1/htq.proto


export interface DeleteScheduleResponse {
}

export interface DeleteScheduleResponse__Output {
}
