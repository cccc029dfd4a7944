// Original file: proto/htq/v1/htq.proto


export interface DeleteTopicResponse {
}

export interface DeleteTopicResponse__Output {
}
