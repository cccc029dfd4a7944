// Original file: proto/htq/v1/htq.proto


export interface DeleteQueueResponse {
}

export interface DeleteQueueResponse__Output {
}
