// Original file: proto/htq/v1/htq.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AddEndpointRequest as _htq_v1_AddEndpointRequest, AddEndpointRequest__Output as _htq_v1_AddEndpointRequest__Output } from '../../htq/v1/AddEndpointRequest';
import type { CancelTaskRequest as _htq_v1_CancelTaskRequest, CancelTaskRequest__Output as _htq_v1_CancelTaskRequest__Output } from '../../htq/v1/CancelTaskRequest';
import type { CountTasksRequest as _htq_v1_CountTasksRequest, CountTasksRequest__Output as _htq_v1_CountTasksRequest__Output } from '../../htq/v1/CountTasksRequest';
import type { CountTasksResponse as _htq_v1_CountTasksResponse, CountTasksResponse__Output as _htq_v1_CountTasksResponse__Output } from '../../htq/v1/CountTasksResponse';
import type { CreateQueueRequest as _htq_v1_CreateQueueRequest, CreateQueueRequest__Output as _htq_v1_CreateQueueRequest__Output } from '../../htq/v1/CreateQueueRequest';
import type { CreateScheduleRequest as _htq_v1_CreateScheduleRequest, CreateScheduleRequest__Output as _htq_v1_CreateScheduleRequest__Output } from '../../htq/v1/CreateScheduleRequest';
import type { CreateSigningKeyRequest as _htq_v1_CreateSigningKeyRequest, CreateSigningKeyRequest__Output as _htq_v1_CreateSigningKeyRequest__Output } from '../../htq/v1/CreateSigningKeyRequest';
import type { CreateTopicRequest as _htq_v1_CreateTopicRequest, CreateTopicRequest__Output as _htq_v1_CreateTopicRequest__Output } from '../../htq/v1/CreateTopicRequest';
import type { DeleteDeadTaskRequest as _htq_v1_DeleteDeadTaskRequest, DeleteDeadTaskRequest__Output as _htq_v1_DeleteDeadTaskRequest__Output } from '../../htq/v1/DeleteDeadTaskRequest';
import type { DeleteDeadTaskResponse as _htq_v1_DeleteDeadTaskResponse, DeleteDeadTaskResponse__Output as _htq_v1_DeleteDeadTaskResponse__Output } from '../../htq/v1/DeleteDeadTaskResponse';
import type { DeleteQueueRequest as _htq_v1_DeleteQueueRequest, DeleteQueueRequest__Output as _htq_v1_DeleteQueueRequest__Output } from '../../htq/v1/DeleteQueueRequest';
import type { DeleteQueueResponse as _htq_v1_DeleteQueueResponse, DeleteQueueResponse__Output as _htq_v1_DeleteQueueResponse__Output } from '../../htq/v1/DeleteQueueResponse';
import type { DeleteScheduleRequest as _htq_v1_DeleteScheduleRequest, DeleteScheduleRequest__Output as _htq_v1_DeleteScheduleRequest__Output } from '../../htq/v1/DeleteScheduleRequest';
import type { DeleteScheduleResponse as _htq_v1_DeleteScheduleResponse, DeleteScheduleResponse__Output as _htq_v1_DeleteScheduleResponse__Output } from '../../htq/v1/DeleteScheduleResponse';
import type { DeleteTopicRequest as _htq_v1_DeleteTopicRequest, DeleteTopicRequest__Output as _htq_v1_DeleteTopicRequest__Output } from '../../htq/v1/DeleteTopicRequest';
import type { DeleteTopicResponse as _htq_v1_DeleteTopicResponse, DeleteTopicResponse__Output as _htq_v1_DeleteTopicResponse__Output } from '../../htq/v1/DeleteTopicResponse';
import type { EnableEndpointRequest as _htq_v1_EnableEndpointRequest, EnableEndpointRequest__Output as _htq_v1_EnableEndpointRequest__Output } from '../../htq/v1/EnableEndpointRequest';
import type { GetHistoryRequest as _htq_v1_GetHistoryRequest, GetHistoryRequest__Output as _htq_v1_GetHistoryRequest__Output } from '../../htq/v1/GetHistoryRequest';
import type { GetQueueRequest as _htq_v1_GetQueueRequest, GetQueueRequest__Output as _htq_v1_GetQueueRequest__Output } from '../../htq/v1/GetQueueRequest';
import type { GetScheduleRequest as _htq_v1_GetScheduleRequest, GetScheduleRequest__Output as _htq_v1_GetScheduleRequest__Output } from '../../htq/v1/GetScheduleRequest';
import type { GetSystemRequest as _htq_v1_GetSystemRequest, GetSystemRequest__Output as _htq_v1_GetSystemRequest__Output } from '../../htq/v1/GetSystemRequest';
import type { GetTaskRequest as _htq_v1_GetTaskRequest, GetTaskRequest__Output as _htq_v1_GetTaskRequest__Output } from '../../htq/v1/GetTaskRequest';
import type { GetTopicRequest as _htq_v1_GetTopicRequest, GetTopicRequest__Output as _htq_v1_GetTopicRequest__Output } from '../../htq/v1/GetTopicRequest';
import type { ListQueuesRequest as _htq_v1_ListQueuesRequest, ListQueuesRequest__Output as _htq_v1_ListQueuesRequest__Output } from '../../htq/v1/ListQueuesRequest';
import type { ListQueuesResponse as _htq_v1_ListQueuesResponse, ListQueuesResponse__Output as _htq_v1_ListQueuesResponse__Output } from '../../htq/v1/ListQueuesResponse';
import type { ListSchedulesRequest as _htq_v1_ListSchedulesRequest, ListSchedulesRequest__Output as _htq_v1_ListSchedulesRequest__Output } from '../../htq/v1/ListSchedulesRequest';
import type { ListSchedulesResponse as _htq_v1_ListSchedulesResponse, ListSchedulesResponse__Output as _htq_v1_ListSchedulesResponse__Output } from '../../htq/v1/ListSchedulesResponse';
import type { ListSigningKeysRequest as _htq_v1_ListSigningKeysRequest, ListSigningKeysRequest__Output as _htq_v1_ListSigningKeysRequest__Output } from '../../htq/v1/ListSigningKeysRequest';
import type { ListSigningKeysResponse as _htq_v1_ListSigningKeysResponse, ListSigningKeysResponse__Output as _htq_v1_ListSigningKeysResponse__Output } from '../../htq/v1/ListSigningKeysResponse';
import type { ListTasksRequest as _htq_v1_ListTasksRequest, ListTasksRequest__Output as _htq_v1_ListTasksRequest__Output } from '../../htq/v1/ListTasksRequest';
import type { ListTasksResponse as _htq_v1_ListTasksResponse, ListTasksResponse__Output as _htq_v1_ListTasksResponse__Output } from '../../htq/v1/ListTasksResponse';
import type { ListTopicsRequest as _htq_v1_ListTopicsRequest, ListTopicsRequest__Output as _htq_v1_ListTopicsRequest__Output } from '../../htq/v1/ListTopicsRequest';
import type { ListTopicsResponse as _htq_v1_ListTopicsResponse, ListTopicsResponse__Output as _htq_v1_ListTopicsResponse__Output } from '../../htq/v1/ListTopicsResponse';
import type { PauseQueueRequest as _htq_v1_PauseQueueRequest, PauseQueueRequest__Output as _htq_v1_PauseQueueRequest__Output } from '../../htq/v1/PauseQueueRequest';
import type { PublishBatchRequest as _htq_v1_PublishBatchRequest, PublishBatchRequest__Output as _htq_v1_PublishBatchRequest__Output } from '../../htq/v1/PublishBatchRequest';
import type { PublishBatchResponse as _htq_v1_PublishBatchResponse, PublishBatchResponse__Output as _htq_v1_PublishBatchResponse__Output } from '../../htq/v1/PublishBatchResponse';
import type { PublishRequest as _htq_v1_PublishRequest, PublishRequest__Output as _htq_v1_PublishRequest__Output } from '../../htq/v1/PublishRequest';
import type { PublishResponse as _htq_v1_PublishResponse, PublishResponse__Output as _htq_v1_PublishResponse__Output } from '../../htq/v1/PublishResponse';
import type { PurgeQueueRequest as _htq_v1_PurgeQueueRequest, PurgeQueueRequest__Output as _htq_v1_PurgeQueueRequest__Output } from '../../htq/v1/PurgeQueueRequest';
import type { PurgeQueueResponse as _htq_v1_PurgeQueueResponse, PurgeQueueResponse__Output as _htq_v1_PurgeQueueResponse__Output } from '../../htq/v1/PurgeQueueResponse';
import type { PushTaskRequest as _htq_v1_PushTaskRequest, PushTaskRequest__Output as _htq_v1_PushTaskRequest__Output } from '../../htq/v1/PushTaskRequest';
import type { PushTaskResponse as _htq_v1_PushTaskResponse, PushTaskResponse__Output as _htq_v1_PushTaskResponse__Output } from '../../htq/v1/PushTaskResponse';
import type { PushTasksRequest as _htq_v1_PushTasksRequest, PushTasksRequest__Output as _htq_v1_PushTasksRequest__Output } from '../../htq/v1/PushTasksRequest';
import type { PushTasksResponse as _htq_v1_PushTasksResponse, PushTasksResponse__Output as _htq_v1_PushTasksResponse__Output } from '../../htq/v1/PushTasksResponse';
import type { Queue as _htq_v1_Queue, Queue__Output as _htq_v1_Queue__Output } from '../../htq/v1/Queue';
import type { QueueHistory as _htq_v1_QueueHistory, QueueHistory__Output as _htq_v1_QueueHistory__Output } from '../../htq/v1/QueueHistory';
import type { RemoveEndpointRequest as _htq_v1_RemoveEndpointRequest, RemoveEndpointRequest__Output as _htq_v1_RemoveEndpointRequest__Output } from '../../htq/v1/RemoveEndpointRequest';
import type { ReplayTasksRequest as _htq_v1_ReplayTasksRequest, ReplayTasksRequest__Output as _htq_v1_ReplayTasksRequest__Output } from '../../htq/v1/ReplayTasksRequest';
import type { ReplayTasksResponse as _htq_v1_ReplayTasksResponse, ReplayTasksResponse__Output as _htq_v1_ReplayTasksResponse__Output } from '../../htq/v1/ReplayTasksResponse';
import type { ResumeQueueRequest as _htq_v1_ResumeQueueRequest, ResumeQueueRequest__Output as _htq_v1_ResumeQueueRequest__Output } from '../../htq/v1/ResumeQueueRequest';
import type { RetireSigningKeyRequest as _htq_v1_RetireSigningKeyRequest, RetireSigningKeyRequest__Output as _htq_v1_RetireSigningKeyRequest__Output } from '../../htq/v1/RetireSigningKeyRequest';
import type { RetireSigningKeyResponse as _htq_v1_RetireSigningKeyResponse, RetireSigningKeyResponse__Output as _htq_v1_RetireSigningKeyResponse__Output } from '../../htq/v1/RetireSigningKeyResponse';
import type { RetryAllDeadTasksRequest as _htq_v1_RetryAllDeadTasksRequest, RetryAllDeadTasksRequest__Output as _htq_v1_RetryAllDeadTasksRequest__Output } from '../../htq/v1/RetryAllDeadTasksRequest';
import type { RetryAllDeadTasksResponse as _htq_v1_RetryAllDeadTasksResponse, RetryAllDeadTasksResponse__Output as _htq_v1_RetryAllDeadTasksResponse__Output } from '../../htq/v1/RetryAllDeadTasksResponse';
import type { RetryDeadTaskRequest as _htq_v1_RetryDeadTaskRequest, RetryDeadTaskRequest__Output as _htq_v1_RetryDeadTaskRequest__Output } from '../../htq/v1/RetryDeadTaskRequest';
import type { RotateSigningKeyRequest as _htq_v1_RotateSigningKeyRequest, RotateSigningKeyRequest__Output as _htq_v1_RotateSigningKeyRequest__Output } from '../../htq/v1/RotateSigningKeyRequest';
import type { RotateSigningKeyResponse as _htq_v1_RotateSigningKeyResponse, RotateSigningKeyResponse__Output as _htq_v1_RotateSigningKeyResponse__Output } from '../../htq/v1/RotateSigningKeyResponse';
import type { RunTaskRequest as _htq_v1_RunTaskRequest, RunTaskRequest__Output as _htq_v1_RunTaskRequest__Output } from '../../htq/v1/RunTaskRequest';
import type { Schedule as _htq_v1_Schedule, Schedule__Output as _htq_v1_Schedule__Output } from '../../htq/v1/Schedule';
import type { ScheduleTaskRequest as _htq_v1_ScheduleTaskRequest, ScheduleTaskRequest__Output as _htq_v1_ScheduleTaskRequest__Output } from '../../htq/v1/ScheduleTaskRequest';
import type { SigningKey as _htq_v1_SigningKey, SigningKey__Output as _htq_v1_SigningKey__Output } from '../../htq/v1/SigningKey';
import type { SystemInfo as _htq_v1_SystemInfo, SystemInfo__Output as _htq_v1_SystemInfo__Output } from '../../htq/v1/SystemInfo';
import type { Task as _htq_v1_Task, Task__Output as _htq_v1_Task__Output } from '../../htq/v1/Task';
import type { Topic as _htq_v1_Topic, Topic__Output as _htq_v1_Topic__Output } from '../../htq/v1/Topic';
import type { UpdateQueueRequest as _htq_v1_UpdateQueueRequest, UpdateQueueRequest__Output as _htq_v1_UpdateQueueRequest__Output } from '../../htq/v1/UpdateQueueRequest';
import type { UpdateTopicRequest as _htq_v1_UpdateTopicRequest, UpdateTopicRequest__Output as _htq_v1_UpdateTopicRequest__Output } from '../../htq/v1/UpdateTopicRequest';
import type { WatchQueueRequest as _htq_v1_WatchQueueRequest, WatchQueueRequest__Output as _htq_v1_WatchQueueRequest__Output } from '../../htq/v1/WatchQueueRequest';
import type { WatchQueueResponse as _htq_v1_WatchQueueResponse, WatchQueueResponse__Output as _htq_v1_WatchQueueResponse__Output } from '../../htq/v1/WatchQueueResponse';

export interface HtqServiceClient extends grpc.Client {
  AddEndpoint(argument: _htq_v1_AddEndpointRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  AddEndpoint(argument: _htq_v1_AddEndpointRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  AddEndpoint(argument: _htq_v1_AddEndpointRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  AddEndpoint(argument: _htq_v1_AddEndpointRequest, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  addEndpoint(argument: _htq_v1_AddEndpointRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  addEndpoint(argument: _htq_v1_AddEndpointRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  addEndpoint(argument: _htq_v1_AddEndpointRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  addEndpoint(argument: _htq_v1_AddEndpointRequest, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  
  CancelTask(argument: _htq_v1_CancelTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Task__Output>): grpc.ClientUnaryCall;
  CancelTask(argument: _htq_v1_CancelTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_Task__Output>): grpc.ClientUnaryCall;
  CancelTask(argument: _htq_v1_CancelTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Task__Output>): grpc.ClientUnaryCall;
  CancelTask(argument: _htq_v1_CancelTaskRequest, callback: grpc.requestCallback<_htq_v1_Task__Output>): grpc.ClientUnaryCall;
  cancelTask(argument: _htq_v1_CancelTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Task__Output>): grpc.ClientUnaryCall;
  cancelTask(argument: _htq_v1_CancelTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_Task__Output>): grpc.ClientUnaryCall;
  cancelTask(argument: _htq_v1_CancelTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Task__Output>): grpc.ClientUnaryCall;
  cancelTask(argument: _htq_v1_CancelTaskRequest, callback: grpc.requestCallback<_htq_v1_Task__Output>): grpc.ClientUnaryCall;
  
  CountTasks(argument: _htq_v1_CountTasksRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_CountTasksResponse__Output>): grpc.ClientUnaryCall;
  CountTasks(argument: _htq_v1_CountTasksRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_CountTasksResponse__Output>): grpc.ClientUnaryCall;
  CountTasks(argument: _htq_v1_CountTasksRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_CountTasksResponse__Output>): grpc.ClientUnaryCall;
  CountTasks(argument: _htq_v1_CountTasksRequest, callback: grpc.requestCallback<_htq_v1_CountTasksResponse__Output>): grpc.ClientUnaryCall;
  countTasks(argument: _htq_v1_CountTasksRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_CountTasksResponse__Output>): grpc.ClientUnaryCall;
  countTasks(argument: _htq_v1_CountTasksRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_CountTasksResponse__Output>): grpc.ClientUnaryCall;
  countTasks(argument: _htq_v1_CountTasksRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_CountTasksResponse__Output>): grpc.ClientUnaryCall;
  countTasks(argument: _htq_v1_CountTasksRequest, callback: grpc.requestCallback<_htq_v1_CountTasksResponse__Output>): grpc.ClientUnaryCall;
  
  CreateQueue(argument: _htq_v1_CreateQueueRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Queue__Output>): grpc.ClientUnaryCall;
  CreateQueue(argument: _htq_v1_CreateQueueRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_Queue__Output>): grpc.ClientUnaryCall;
  CreateQueue(argument: _htq_v1_CreateQueueRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Queue__Output>): grpc.ClientUnaryCall;
  CreateQueue(argument: _htq_v1_CreateQueueRequest, callback: grpc.requestCallback<_htq_v1_Queue__Output>): grpc.ClientUnaryCall;
  createQueue(argument: _htq_v1_CreateQueueRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Queue__Output>): grpc.ClientUnaryCall;
  createQueue(argument: _htq_v1_CreateQueueRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_Queue__Output>): grpc.ClientUnaryCall;
  createQueue(argument: _htq_v1_CreateQueueRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Queue__Output>): grpc.ClientUnaryCall;
  createQueue(argument: _htq_v1_CreateQueueRequest, callback: grpc.requestCallback<_htq_v1_Queue__Output>): grpc.ClientUnaryCall;
  
  CreateSchedule(argument: _htq_v1_CreateScheduleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Schedule__Output>): grpc.ClientUnaryCall;
  CreateSchedule(argument: _htq_v1_CreateScheduleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_Schedule__Output>): grpc.ClientUnaryCall;
  CreateSchedule(argument: _htq_v1_CreateScheduleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Schedule__Output>): grpc.ClientUnaryCall;
  CreateSchedule(argument: _htq_v1_CreateScheduleRequest, callback: grpc.requestCallback<_htq_v1_Schedule__Output>): grpc.ClientUnaryCall;
  createSchedule(argument: _htq_v1_CreateScheduleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Schedule__Output>): grpc.ClientUnaryCall;
  createSchedule(argument: _htq_v1_CreateScheduleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_Schedule__Output>): grpc.ClientUnaryCall;
  createSchedule(argument: _htq_v1_CreateScheduleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Schedule__Output>): grpc.ClientUnaryCall;
  createSchedule(argument: _htq_v1_CreateScheduleRequest, callback: grpc.requestCallback<_htq_v1_Schedule__Output>): grpc.ClientUnaryCall;
  
  CreateSigningKey(argument: _htq_v1_CreateSigningKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_SigningKey__Output>): grpc.ClientUnaryCall;
  CreateSigningKey(argument: _htq_v1_CreateSigningKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_SigningKey__Output>): grpc.ClientUnaryCall;
  CreateSigningKey(argument: _htq_v1_CreateSigningKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_SigningKey__Output>): grpc.ClientUnaryCall;
  CreateSigningKey(argument: _htq_v1_CreateSigningKeyRequest, callback: grpc.requestCallback<_htq_v1_SigningKey__Output>): grpc.ClientUnaryCall;
  createSigningKey(argument: _htq_v1_CreateSigningKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_SigningKey__Output>): grpc.ClientUnaryCall;
  createSigningKey(argument: _htq_v1_CreateSigningKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_SigningKey__Output>): grpc.ClientUnaryCall;
  createSigningKey(argument: _htq_v1_CreateSigningKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_SigningKey__Output>): grpc.ClientUnaryCall;
  createSigningKey(argument: _htq_v1_CreateSigningKeyRequest, callback: grpc.requestCallback<_htq_v1_SigningKey__Output>): grpc.ClientUnaryCall;
  
  CreateTopic(argument: _htq_v1_CreateTopicRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  CreateTopic(argument: _htq_v1_CreateTopicRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  CreateTopic(argument: _htq_v1_CreateTopicRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  CreateTopic(argument: _htq_v1_CreateTopicRequest, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  createTopic(argument: _htq_v1_CreateTopicRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  createTopic(argument: _htq_v1_CreateTopicRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  createTopic(argument: _htq_v1_CreateTopicRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  createTopic(argument: _htq_v1_CreateTopicRequest, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  
  DeleteDeadTask(argument: _htq_v1_DeleteDeadTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_DeleteDeadTaskResponse__Output>): grpc.ClientUnaryCall;
  DeleteDeadTask(argument: _htq_v1_DeleteDeadTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_DeleteDeadTaskResponse__Output>): grpc.ClientUnaryCall;
  DeleteDeadTask(argument: _htq_v1_DeleteDeadTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_DeleteDeadTaskResponse__Output>): grpc.ClientUnaryCall;
  DeleteDeadTask(argument: _htq_v1_DeleteDeadTaskRequest, callback: grpc.requestCallback<_htq_v1_DeleteDeadTaskResponse__Output>): grpc.ClientUnaryCall;
  deleteDeadTask(argument: _htq_v1_DeleteDeadTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_DeleteDeadTaskResponse__Output>): grpc.ClientUnaryCall;
  deleteDeadTask(argument: _htq_v1_DeleteDeadTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_DeleteDeadTaskResponse__Output>): grpc.ClientUnaryCall;
  deleteDeadTask(argument: _htq_v1_DeleteDeadTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_DeleteDeadTaskResponse__Output>): grpc.ClientUnaryCall;
  deleteDeadTask(argument: _htq_v1_DeleteDeadTaskRequest, callback: grpc.requestCallback<_htq_v1_DeleteDeadTaskResponse__Output>): grpc.ClientUnaryCall;
  
  DeleteQueue(argument: _htq_v1_DeleteQueueRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_DeleteQueueResponse__Output>): grpc.ClientUnaryCall;
  DeleteQueue(argument: _htq_v1_DeleteQueueRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_DeleteQueueResponse__Output>): grpc.ClientUnaryCall;
  DeleteQueue(argument: _htq_v1_DeleteQueueRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_DeleteQueueResponse__Output>): grpc.ClientUnaryCall;
  DeleteQueue(argument: _htq_v1_DeleteQueueRequest, callback: grpc.requestCallback<_htq_v1_DeleteQueueResponse__Output>): grpc.ClientUnaryCall;
  deleteQueue(argument: _htq_v1_DeleteQueueRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_DeleteQueueResponse__Output>): grpc.ClientUnaryCall;
  deleteQueue(argument: _htq_v1_DeleteQueueRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_DeleteQueueResponse__Output>): grpc.ClientUnaryCall;
  deleteQueue(argument: _htq_v1_DeleteQueueRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_DeleteQueueResponse__Output>): grpc.ClientUnaryCall;
  deleteQueue(argument: _htq_v1_DeleteQueueRequest, callback: grpc.requestCallback<_htq_v1_DeleteQueueResponse__Output>): grpc.ClientUnaryCall;
  
  DeleteSchedule(argument: _htq_v1_DeleteScheduleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_DeleteScheduleResponse__Output>): grpc.ClientUnaryCall;
  DeleteSchedule(argument: _htq_v1_DeleteScheduleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_DeleteScheduleResponse__Output>): grpc.ClientUnaryCall;
  DeleteSchedule(argument: _htq_v1_DeleteScheduleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_DeleteScheduleResponse__Output>): grpc.ClientUnaryCall;
  DeleteSchedule(argument: _htq_v1_DeleteScheduleRequest, callback: grpc.requestCallback<_htq_v1_DeleteScheduleResponse__Output>): grpc.ClientUnaryCall;
  deleteSchedule(argument: _htq_v1_DeleteScheduleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_DeleteScheduleResponse__Output>): grpc.ClientUnaryCall;
  deleteSchedule(argument: _htq_v1_DeleteScheduleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_DeleteScheduleResponse__Output>): grpc.ClientUnaryCall;
  deleteSchedule(argument: _htq_v1_DeleteScheduleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_DeleteScheduleResponse__Output>): grpc.ClientUnaryCall;
  deleteSchedule(argument: _htq_v1_DeleteScheduleRequest, callback: grpc.requestCallback<_htq_v1_DeleteScheduleResponse__Output>): grpc.ClientUnaryCall;
  
  DeleteTopic(argument: _htq_v1_DeleteTopicRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_DeleteTopicResponse__Output>): grpc.ClientUnaryCall;
  DeleteTopic(argument: _htq_v1_DeleteTopicRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_DeleteTopicResponse__Output>): grpc.ClientUnaryCall;
  DeleteTopic(argument: _htq_v1_DeleteTopicRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_DeleteTopicResponse__Output>): grpc.ClientUnaryCall;
  DeleteTopic(argument: _htq_v1_DeleteTopicRequest, callback: grpc.requestCallback<_htq_v1_DeleteTopicResponse__Output>): grpc.ClientUnaryCall;
  deleteTopic(argument: _htq_v1_DeleteTopicRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_DeleteTopicResponse__Output>): grpc.ClientUnaryCall;
  deleteTopic(argument: _htq_v1_DeleteTopicRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_DeleteTopicResponse__Output>): grpc.ClientUnaryCall;
  deleteTopic(argument: _htq_v1_DeleteTopicRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_DeleteTopicResponse__Output>): grpc.ClientUnaryCall;
  deleteTopic(argument: _htq_v1_DeleteTopicRequest, callback: grpc.requestCallback<_htq_v1_DeleteTopicResponse__Output>): grpc.ClientUnaryCall;
  
  EnableEndpoint(argument: _htq_v1_EnableEndpointRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  EnableEndpoint(argument: _htq_v1_EnableEndpointRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  EnableEndpoint(argument: _htq_v1_EnableEndpointRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  EnableEndpoint(argument: _htq_v1_EnableEndpointRequest, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  enableEndpoint(argument: _htq_v1_EnableEndpointRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  enableEndpoint(argument: _htq_v1_EnableEndpointRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  enableEndpoint(argument: _htq_v1_EnableEndpointRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  enableEndpoint(argument: _htq_v1_EnableEndpointRequest, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  
  GetHistory(argument: _htq_v1_GetHistoryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_QueueHistory__Output>): grpc.ClientUnaryCall;
  GetHistory(argument: _htq_v1_GetHistoryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_QueueHistory__Output>): grpc.ClientUnaryCall;
  GetHistory(argument: _htq_v1_GetHistoryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_QueueHistory__Output>): grpc.ClientUnaryCall;
  GetHistory(argument: _htq_v1_GetHistoryRequest, callback: grpc.requestCallback<_htq_v1_QueueHistory__Output>): grpc.ClientUnaryCall;
  getHistory(argument: _htq_v1_GetHistoryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_QueueHistory__Output>): grpc.ClientUnaryCall;
  getHistory(argument: _htq_v1_GetHistoryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_QueueHistory__Output>): grpc.ClientUnaryCall;
  getHistory(argument: _htq_v1_GetHistoryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_QueueHistory__Output>): grpc.ClientUnaryCall;
  getHistory(argument: _htq_v1_GetHistoryRequest, callback: grpc.requestCallback<_htq_v1_QueueHistory__Output>): grpc.ClientUnaryCall;
  
  GetQueue(argument: _htq_v1_GetQueueRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Queue__Output>): grpc.ClientUnaryCall;
  GetQueue(argument: _htq_v1_GetQueueRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_Queue__Output>): grpc.ClientUnaryCall;
  GetQueue(argument: _htq_v1_GetQueueRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Queue__Output>): grpc.ClientUnaryCall;
  GetQueue(argument: _htq_v1_GetQueueRequest, callback: grpc.requestCallback<_htq_v1_Queue__Output>): grpc.ClientUnaryCall;
  getQueue(argument: _htq_v1_GetQueueRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Queue__Output>): grpc.ClientUnaryCall;
  getQueue(argument: _htq_v1_GetQueueRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_Queue__Output>): grpc.ClientUnaryCall;
  getQueue(argument: _htq_v1_GetQueueRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Queue__Output>): grpc.ClientUnaryCall;
  getQueue(argument: _htq_v1_GetQueueRequest, callback: grpc.requestCallback<_htq_v1_Queue__Output>): grpc.ClientUnaryCall;
  
  GetSchedule(argument: _htq_v1_GetScheduleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Schedule__Output>): grpc.ClientUnaryCall;
  GetSchedule(argument: _htq_v1_GetScheduleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_Schedule__Output>): grpc.ClientUnaryCall;
  GetSchedule(argument: _htq_v1_GetScheduleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Schedule__Output>): grpc.ClientUnaryCall;
  GetSchedule(argument: _htq_v1_GetScheduleRequest, callback: grpc.requestCallback<_htq_v1_Schedule__Output>): grpc.ClientUnaryCall;
  getSchedule(argument: _htq_v1_GetScheduleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Schedule__Output>): grpc.ClientUnaryCall;
  getSchedule(argument: _htq_v1_GetScheduleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_Schedule__Output>): grpc.ClientUnaryCall;
  getSchedule(argument: _htq_v1_GetScheduleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Schedule__Output>): grpc.ClientUnaryCall;
  getSchedule(argument: _htq_v1_GetScheduleRequest, callback: grpc.requestCallback<_htq_v1_Schedule__Output>): grpc.ClientUnaryCall;
  
  GetSystem(argument: _htq_v1_GetSystemRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_SystemInfo__Output>): grpc.ClientUnaryCall;
  GetSystem(argument: _htq_v1_GetSystemRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_SystemInfo__Output>): grpc.ClientUnaryCall;
  GetSystem(argument: _htq_v1_GetSystemRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_SystemInfo__Output>): grpc.ClientUnaryCall;
  GetSystem(argument: _htq_v1_GetSystemRequest, callback: grpc.requestCallback<_htq_v1_SystemInfo__Output>): grpc.ClientUnaryCall;
  getSystem(argument: _htq_v1_GetSystemRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_SystemInfo__Output>): grpc.ClientUnaryCall;
  getSystem(argument: _htq_v1_GetSystemRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_SystemInfo__Output>): grpc.ClientUnaryCall;
  getSystem(argument: _htq_v1_GetSystemRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_SystemInfo__Output>): grpc.ClientUnaryCall;
  getSystem(argument: _htq_v1_GetSystemRequest, callback: grpc.requestCallback<_htq_v1_SystemInfo__Output>): grpc.ClientUnaryCall;
  
  GetTask(argument: _htq_v1_GetTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Task__Output>): grpc.ClientUnaryCall;
  GetTask(argument: _htq_v1_GetTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_Task__Output>): grpc.ClientUnaryCall;
  GetTask(argument: _htq_v1_GetTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Task__Output>): grpc.ClientUnaryCall;
  GetTask(argument: _htq_v1_GetTaskRequest, callback: grpc.requestCallback<_htq_v1_Task__Output>): grpc.ClientUnaryCall;
  getTask(argument: _htq_v1_GetTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Task__Output>): grpc.ClientUnaryCall;
  getTask(argument: _htq_v1_GetTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_Task__Output>): grpc.ClientUnaryCall;
  getTask(argument: _htq_v1_GetTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Task__Output>): grpc.ClientUnaryCall;
  getTask(argument: _htq_v1_GetTaskRequest, callback: grpc.requestCallback<_htq_v1_Task__Output>): grpc.ClientUnaryCall;
  
  GetTopic(argument: _htq_v1_GetTopicRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  GetTopic(argument: _htq_v1_GetTopicRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  GetTopic(argument: _htq_v1_GetTopicRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  GetTopic(argument: _htq_v1_GetTopicRequest, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  getTopic(argument: _htq_v1_GetTopicRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  getTopic(argument: _htq_v1_GetTopicRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  getTopic(argument: _htq_v1_GetTopicRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  getTopic(argument: _htq_v1_GetTopicRequest, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  
  ListQueues(argument: _htq_v1_ListQueuesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_ListQueuesResponse__Output>): grpc.ClientUnaryCall;
  ListQueues(argument: _htq_v1_ListQueuesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_ListQueuesResponse__Output>): grpc.ClientUnaryCall;
  ListQueues(argument: _htq_v1_ListQueuesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_ListQueuesResponse__Output>): grpc.ClientUnaryCall;
  ListQueues(argument: _htq_v1_ListQueuesRequest, callback: grpc.requestCallback<_htq_v1_ListQueuesResponse__Output>): grpc.ClientUnaryCall;
  listQueues(argument: _htq_v1_ListQueuesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_ListQueuesResponse__Output>): grpc.ClientUnaryCall;
  listQueues(argument: _htq_v1_ListQueuesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_ListQueuesResponse__Output>): grpc.ClientUnaryCall;
  listQueues(argument: _htq_v1_ListQueuesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_ListQueuesResponse__Output>): grpc.ClientUnaryCall;
  listQueues(argument: _htq_v1_ListQueuesRequest, callback: grpc.requestCallback<_htq_v1_ListQueuesResponse__Output>): grpc.ClientUnaryCall;
  
  ListSchedules(argument: _htq_v1_ListSchedulesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_ListSchedulesResponse__Output>): grpc.ClientUnaryCall;
  ListSchedules(argument: _htq_v1_ListSchedulesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_ListSchedulesResponse__Output>): grpc.ClientUnaryCall;
  ListSchedules(argument: _htq_v1_ListSchedulesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_ListSchedulesResponse__Output>): grpc.ClientUnaryCall;
  ListSchedules(argument: _htq_v1_ListSchedulesRequest, callback: grpc.requestCallback<_htq_v1_ListSchedulesResponse__Output>): grpc.ClientUnaryCall;
  listSchedules(argument: _htq_v1_ListSchedulesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_ListSchedulesResponse__Output>): grpc.ClientUnaryCall;
  listSchedules(argument: _htq_v1_ListSchedulesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_ListSchedulesResponse__Output>): grpc.ClientUnaryCall;
  listSchedules(argument: _htq_v1_ListSchedulesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_ListSchedulesResponse__Output>): grpc.ClientUnaryCall;
  listSchedules(argument: _htq_v1_ListSchedulesRequest, callback: grpc.requestCallback<_htq_v1_ListSchedulesResponse__Output>): grpc.ClientUnaryCall;
  
  ListSigningKeys(argument: _htq_v1_ListSigningKeysRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_ListSigningKeysResponse__Output>): grpc.ClientUnaryCall;
  ListSigningKeys(argument: _htq_v1_ListSigningKeysRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_ListSigningKeysResponse__Output>): grpc.ClientUnaryCall;
  ListSigningKeys(argument: _htq_v1_ListSigningKeysRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_ListSigningKeysResponse__Output>): grpc.ClientUnaryCall;
  ListSigningKeys(argument: _htq_v1_ListSigningKeysRequest, callback: grpc.requestCallback<_htq_v1_ListSigningKeysResponse__Output>): grpc.ClientUnaryCall;
  listSigningKeys(argument: _htq_v1_ListSigningKeysRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_ListSigningKeysResponse__Output>): grpc.ClientUnaryCall;
  listSigningKeys(argument: _htq_v1_ListSigningKeysRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_ListSigningKeysResponse__Output>): grpc.ClientUnaryCall;
  listSigningKeys(argument: _htq_v1_ListSigningKeysRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_ListSigningKeysResponse__Output>): grpc.ClientUnaryCall;
  listSigningKeys(argument: _htq_v1_ListSigningKeysRequest, callback: grpc.requestCallback<_htq_v1_ListSigningKeysResponse__Output>): grpc.ClientUnaryCall;
  
  ListTasks(argument: _htq_v1_ListTasksRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_ListTasksResponse__Output>): grpc.ClientUnaryCall;
  ListTasks(argument: _htq_v1_ListTasksRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_ListTasksResponse__Output>): grpc.ClientUnaryCall;
  ListTasks(argument: _htq_v1_ListTasksRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_ListTasksResponse__Output>): grpc.ClientUnaryCall;
  ListTasks(argument: _htq_v1_ListTasksRequest, callback: grpc.requestCallback<_htq_v1_ListTasksResponse__Output>): grpc.ClientUnaryCall;
  listTasks(argument: _htq_v1_ListTasksRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_ListTasksResponse__Output>): grpc.ClientUnaryCall;
  listTasks(argument: _htq_v1_ListTasksRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_ListTasksResponse__Output>): grpc.ClientUnaryCall;
  listTasks(argument: _htq_v1_ListTasksRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_ListTasksResponse__Output>): grpc.ClientUnaryCall;
  listTasks(argument: _htq_v1_ListTasksRequest, callback: grpc.requestCallback<_htq_v1_ListTasksResponse__Output>): grpc.ClientUnaryCall;
  
  ListTopics(argument: _htq_v1_ListTopicsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_ListTopicsResponse__Output>): grpc.ClientUnaryCall;
  ListTopics(argument: _htq_v1_ListTopicsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_ListTopicsResponse__Output>): grpc.ClientUnaryCall;
  ListTopics(argument: _htq_v1_ListTopicsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_ListTopicsResponse__Output>): grpc.ClientUnaryCall;
  ListTopics(argument: _htq_v1_ListTopicsRequest, callback: grpc.requestCallback<_htq_v1_ListTopicsResponse__Output>): grpc.ClientUnaryCall;
  listTopics(argument: _htq_v1_ListTopicsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_ListTopicsResponse__Output>): grpc.ClientUnaryCall;
  listTopics(argument: _htq_v1_ListTopicsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_ListTopicsResponse__Output>): grpc.ClientUnaryCall;
  listTopics(argument: _htq_v1_ListTopicsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_ListTopicsResponse__Output>): grpc.ClientUnaryCall;
  listTopics(argument: _htq_v1_ListTopicsRequest, callback: grpc.requestCallback<_htq_v1_ListTopicsResponse__Output>): grpc.ClientUnaryCall;
  
  PauseQueue(argument: _htq_v1_PauseQueueRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Queue__Output>): grpc.ClientUnaryCall;
  PauseQueue(argument: _htq_v1_PauseQueueRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_Queue__Output>): grpc.ClientUnaryCall;
  PauseQueue(argument: _htq_v1_PauseQueueRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Queue__Output>): grpc.ClientUnaryCall;
  PauseQueue(argument: _htq_v1_PauseQueueRequest, callback: grpc.requestCallback<_htq_v1_Queue__Output>): grpc.ClientUnaryCall;
  pauseQueue(argument: _htq_v1_PauseQueueRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Queue__Output>): grpc.ClientUnaryCall;
  pauseQueue(argument: _htq_v1_PauseQueueRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_Queue__Output>): grpc.ClientUnaryCall;
  pauseQueue(argument: _htq_v1_PauseQueueRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Queue__Output>): grpc.ClientUnaryCall;
  pauseQueue(argument: _htq_v1_PauseQueueRequest, callback: grpc.requestCallback<_htq_v1_Queue__Output>): grpc.ClientUnaryCall;
  
  Publish(argument: _htq_v1_PublishRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_PublishResponse__Output>): grpc.ClientUnaryCall;
  Publish(argument: _htq_v1_PublishRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_PublishResponse__Output>): grpc.ClientUnaryCall;
  Publish(argument: _htq_v1_PublishRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_PublishResponse__Output>): grpc.ClientUnaryCall;
  Publish(argument: _htq_v1_PublishRequest, callback: grpc.requestCallback<_htq_v1_PublishResponse__Output>): grpc.ClientUnaryCall;
  publish(argument: _htq_v1_PublishRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_PublishResponse__Output>): grpc.ClientUnaryCall;
  publish(argument: _htq_v1_PublishRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_PublishResponse__Output>): grpc.ClientUnaryCall;
  publish(argument: _htq_v1_PublishRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_PublishResponse__Output>): grpc.ClientUnaryCall;
  publish(argument: _htq_v1_PublishRequest, callback: grpc.requestCallback<_htq_v1_PublishResponse__Output>): grpc.ClientUnaryCall;
  
  PublishBatch(argument: _htq_v1_PublishBatchRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_PublishBatchResponse__Output>): grpc.ClientUnaryCall;
  PublishBatch(argument: _htq_v1_PublishBatchRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_PublishBatchResponse__Output>): grpc.ClientUnaryCall;
  PublishBatch(argument: _htq_v1_PublishBatchRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_PublishBatchResponse__Output>): grpc.ClientUnaryCall;
  PublishBatch(argument: _htq_v1_PublishBatchRequest, callback: grpc.requestCallback<_htq_v1_PublishBatchResponse__Output>): grpc.ClientUnaryCall;
  publishBatch(argument: _htq_v1_PublishBatchRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_PublishBatchResponse__Output>): grpc.ClientUnaryCall;
  publishBatch(argument: _htq_v1_PublishBatchRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_PublishBatchResponse__Output>): grpc.ClientUnaryCall;
  publishBatch(argument: _htq_v1_PublishBatchRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_PublishBatchResponse__Output>): grpc.ClientUnaryCall;
  publishBatch(argument: _htq_v1_PublishBatchRequest, callback: grpc.requestCallback<_htq_v1_PublishBatchResponse__Output>): grpc.ClientUnaryCall;
  
  PurgeQueue(argument: _htq_v1_PurgeQueueRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_PurgeQueueResponse__Output>): grpc.ClientUnaryCall;
  PurgeQueue(argument: _htq_v1_PurgeQueueRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_PurgeQueueResponse__Output>): grpc.ClientUnaryCall;
  PurgeQueue(argument: _htq_v1_PurgeQueueRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_PurgeQueueResponse__Output>): grpc.ClientUnaryCall;
  PurgeQueue(argument: _htq_v1_PurgeQueueRequest, callback: grpc.requestCallback<_htq_v1_PurgeQueueResponse__Output>): grpc.ClientUnaryCall;
  purgeQueue(argument: _htq_v1_PurgeQueueRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_PurgeQueueResponse__Output>): grpc.ClientUnaryCall;
  purgeQueue(argument: _htq_v1_PurgeQueueRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_PurgeQueueResponse__Output>): grpc.ClientUnaryCall;
  purgeQueue(argument: _htq_v1_PurgeQueueRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_PurgeQueueResponse__Output>): grpc.ClientUnaryCall;
  purgeQueue(argument: _htq_v1_PurgeQueueRequest, callback: grpc.requestCallback<_htq_v1_PurgeQueueResponse__Output>): grpc.ClientUnaryCall;
  
  PushTask(argument: _htq_v1_PushTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_PushTaskResponse__Output>): grpc.ClientUnaryCall;
  PushTask(argument: _htq_v1_PushTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_PushTaskResponse__Output>): grpc.ClientUnaryCall;
  PushTask(argument: _htq_v1_PushTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_PushTaskResponse__Output>): grpc.ClientUnaryCall;
  PushTask(argument: _htq_v1_PushTaskRequest, callback: grpc.requestCallback<_htq_v1_PushTaskResponse__Output>): grpc.ClientUnaryCall;
  pushTask(argument: _htq_v1_PushTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_PushTaskResponse__Output>): grpc.ClientUnaryCall;
  pushTask(argument: _htq_v1_PushTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_PushTaskResponse__Output>): grpc.ClientUnaryCall;
  pushTask(argument: _htq_v1_PushTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_PushTaskResponse__Output>): grpc.ClientUnaryCall;
  pushTask(argument: _htq_v1_PushTaskRequest, callback: grpc.requestCallback<_htq_v1_PushTaskResponse__Output>): grpc.ClientUnaryCall;
  
  PushTasks(argument: _htq_v1_PushTasksRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_PushTasksResponse__Output>): grpc.ClientUnaryCall;
  PushTasks(argument: _htq_v1_PushTasksRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_PushTasksResponse__Output>): grpc.ClientUnaryCall;
  PushTasks(argument: _htq_v1_PushTasksRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_PushTasksResponse__Output>): grpc.ClientUnaryCall;
  PushTasks(argument: _htq_v1_PushTasksRequest, callback: grpc.requestCallback<_htq_v1_PushTasksResponse__Output>): grpc.ClientUnaryCall;
  pushTasks(argument: _htq_v1_PushTasksRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_PushTasksResponse__Output>): grpc.ClientUnaryCall;
  pushTasks(argument: _htq_v1_PushTasksRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_PushTasksResponse__Output>): grpc.ClientUnaryCall;
  pushTasks(argument: _htq_v1_PushTasksRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_PushTasksResponse__Output>): grpc.ClientUnaryCall;
  pushTasks(argument: _htq_v1_PushTasksRequest, callback: grpc.requestCallback<_htq_v1_PushTasksResponse__Output>): grpc.ClientUnaryCall;
  
  RemoveEndpoint(argument: _htq_v1_RemoveEndpointRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  RemoveEndpoint(argument: _htq_v1_RemoveEndpointRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  RemoveEndpoint(argument: _htq_v1_RemoveEndpointRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  RemoveEndpoint(argument: _htq_v1_RemoveEndpointRequest, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  removeEndpoint(argument: _htq_v1_RemoveEndpointRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  removeEndpoint(argument: _htq_v1_RemoveEndpointRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  removeEndpoint(argument: _htq_v1_RemoveEndpointRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  removeEndpoint(argument: _htq_v1_RemoveEndpointRequest, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  
  ReplayTasks(argument: _htq_v1_ReplayTasksRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_ReplayTasksResponse__Output>): grpc.ClientUnaryCall;
  ReplayTasks(argument: _htq_v1_ReplayTasksRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_ReplayTasksResponse__Output>): grpc.ClientUnaryCall;
  ReplayTasks(argument: _htq_v1_ReplayTasksRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_ReplayTasksResponse__Output>): grpc.ClientUnaryCall;
  ReplayTasks(argument: _htq_v1_ReplayTasksRequest, callback: grpc.requestCallback<_htq_v1_ReplayTasksResponse__Output>): grpc.ClientUnaryCall;
  replayTasks(argument: _htq_v1_ReplayTasksRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_ReplayTasksResponse__Output>): grpc.ClientUnaryCall;
  replayTasks(argument: _htq_v1_ReplayTasksRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_ReplayTasksResponse__Output>): grpc.ClientUnaryCall;
  replayTasks(argument: _htq_v1_ReplayTasksRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_ReplayTasksResponse__Output>): grpc.ClientUnaryCall;
  replayTasks(argument: _htq_v1_ReplayTasksRequest, callback: grpc.requestCallback<_htq_v1_ReplayTasksResponse__Output>): grpc.ClientUnaryCall;
  
  ResumeQueue(argument: _htq_v1_ResumeQueueRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Queue__Output>): grpc.ClientUnaryCall;
  ResumeQueue(argument: _htq_v1_ResumeQueueRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_Queue__Output>): grpc.ClientUnaryCall;
  ResumeQueue(argument: _htq_v1_ResumeQueueRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Queue__Output>): grpc.ClientUnaryCall;
  ResumeQueue(argument: _htq_v1_ResumeQueueRequest, callback: grpc.requestCallback<_htq_v1_Queue__Output>): grpc.ClientUnaryCall;
  resumeQueue(argument: _htq_v1_ResumeQueueRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Queue__Output>): grpc.ClientUnaryCall;
  resumeQueue(argument: _htq_v1_ResumeQueueRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_Queue__Output>): grpc.ClientUnaryCall;
  resumeQueue(argument: _htq_v1_ResumeQueueRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Queue__Output>): grpc.ClientUnaryCall;
  resumeQueue(argument: _htq_v1_ResumeQueueRequest, callback: grpc.requestCallback<_htq_v1_Queue__Output>): grpc.ClientUnaryCall;
  
  RetireSigningKey(argument: _htq_v1_RetireSigningKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_RetireSigningKeyResponse__Output>): grpc.ClientUnaryCall;
  RetireSigningKey(argument: _htq_v1_RetireSigningKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_RetireSigningKeyResponse__Output>): grpc.ClientUnaryCall;
  RetireSigningKey(argument: _htq_v1_RetireSigningKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_RetireSigningKeyResponse__Output>): grpc.ClientUnaryCall;
  RetireSigningKey(argument: _htq_v1_RetireSigningKeyRequest, callback: grpc.requestCallback<_htq_v1_RetireSigningKeyResponse__Output>): grpc.ClientUnaryCall;
  retireSigningKey(argument: _htq_v1_RetireSigningKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_RetireSigningKeyResponse__Output>): grpc.ClientUnaryCall;
  retireSigningKey(argument: _htq_v1_RetireSigningKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_RetireSigningKeyResponse__Output>): grpc.ClientUnaryCall;
  retireSigningKey(argument: _htq_v1_RetireSigningKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_RetireSigningKeyResponse__Output>): grpc.ClientUnaryCall;
  retireSigningKey(argument: _htq_v1_RetireSigningKeyRequest, callback: grpc.requestCallback<_htq_v1_RetireSigningKeyResponse__Output>): grpc.ClientUnaryCall;
  
  RetryAllDeadTasks(argument: _htq_v1_RetryAllDeadTasksRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_RetryAllDeadTasksResponse__Output>): grpc.ClientUnaryCall;
  RetryAllDeadTasks(argument: _htq_v1_RetryAllDeadTasksRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_RetryAllDeadTasksResponse__Output>): grpc.ClientUnaryCall;
  RetryAllDeadTasks(argument: _htq_v1_RetryAllDeadTasksRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_RetryAllDeadTasksResponse__Output>): grpc.ClientUnaryCall;
  RetryAllDeadTasks(argument: _htq_v1_RetryAllDeadTasksRequest, callback: grpc.requestCallback<_htq_v1_RetryAllDeadTasksResponse__Output>): grpc.ClientUnaryCall;
  retryAllDeadTasks(argument: _htq_v1_RetryAllDeadTasksRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_RetryAllDeadTasksResponse__Output>): grpc.ClientUnaryCall;
  retryAllDeadTasks(argument: _htq_v1_RetryAllDeadTasksRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_RetryAllDeadTasksResponse__Output>): grpc.ClientUnaryCall;
  retryAllDeadTasks(argument: _htq_v1_RetryAllDeadTasksRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_RetryAllDeadTasksResponse__Output>): grpc.ClientUnaryCall;
  retryAllDeadTasks(argument: _htq_v1_RetryAllDeadTasksRequest, callback: grpc.requestCallback<_htq_v1_RetryAllDeadTasksResponse__Output>): grpc.ClientUnaryCall;
  
  RetryDeadTask(argument: _htq_v1_RetryDeadTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Task__Output>): grpc.ClientUnaryCall;
  RetryDeadTask(argument: _htq_v1_RetryDeadTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_Task__Output>): grpc.ClientUnaryCall;
  RetryDeadTask(argument: _htq_v1_RetryDeadTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Task__Output>): grpc.ClientUnaryCall;
  RetryDeadTask(argument: _htq_v1_RetryDeadTaskRequest, callback: grpc.requestCallback<_htq_v1_Task__Output>): grpc.ClientUnaryCall;
  retryDeadTask(argument: _htq_v1_RetryDeadTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Task__Output>): grpc.ClientUnaryCall;
  retryDeadTask(argument: _htq_v1_RetryDeadTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_Task__Output>): grpc.ClientUnaryCall;
  retryDeadTask(argument: _htq_v1_RetryDeadTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Task__Output>): grpc.ClientUnaryCall;
  retryDeadTask(argument: _htq_v1_RetryDeadTaskRequest, callback: grpc.requestCallback<_htq_v1_Task__Output>): grpc.ClientUnaryCall;
  
  RotateSigningKey(argument: _htq_v1_RotateSigningKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_RotateSigningKeyResponse__Output>): grpc.ClientUnaryCall;
  RotateSigningKey(argument: _htq_v1_RotateSigningKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_RotateSigningKeyResponse__Output>): grpc.ClientUnaryCall;
  RotateSigningKey(argument: _htq_v1_RotateSigningKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_RotateSigningKeyResponse__Output>): grpc.ClientUnaryCall;
  RotateSigningKey(argument: _htq_v1_RotateSigningKeyRequest, callback: grpc.requestCallback<_htq_v1_RotateSigningKeyResponse__Output>): grpc.ClientUnaryCall;
  rotateSigningKey(argument: _htq_v1_RotateSigningKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_RotateSigningKeyResponse__Output>): grpc.ClientUnaryCall;
  rotateSigningKey(argument: _htq_v1_RotateSigningKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_RotateSigningKeyResponse__Output>): grpc.ClientUnaryCall;
  rotateSigningKey(argument: _htq_v1_RotateSigningKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_RotateSigningKeyResponse__Output>): grpc.ClientUnaryCall;
  rotateSigningKey(argument: _htq_v1_RotateSigningKeyRequest, callback: grpc.requestCallback<_htq_v1_RotateSigningKeyResponse__Output>): grpc.ClientUnaryCall;
  
  RunTask(argument: _htq_v1_RunTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Task__Output>): grpc.ClientUnaryCall;
  RunTask(argument: _htq_v1_RunTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_Task__Output>): grpc.ClientUnaryCall;
  RunTask(argument: _htq_v1_RunTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Task__Output>): grpc.ClientUnaryCall;
  RunTask(argument: _htq_v1_RunTaskRequest, callback: grpc.requestCallback<_htq_v1_Task__Output>): grpc.ClientUnaryCall;
  runTask(argument: _htq_v1_RunTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Task__Output>): grpc.ClientUnaryCall;
  runTask(argument: _htq_v1_RunTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_Task__Output>): grpc.ClientUnaryCall;
  runTask(argument: _htq_v1_RunTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Task__Output>): grpc.ClientUnaryCall;
  runTask(argument: _htq_v1_RunTaskRequest, callback: grpc.requestCallback<_htq_v1_Task__Output>): grpc.ClientUnaryCall;
  
  ScheduleTask(argument: _htq_v1_ScheduleTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_PushTaskResponse__Output>): grpc.ClientUnaryCall;
  ScheduleTask(argument: _htq_v1_ScheduleTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_PushTaskResponse__Output>): grpc.ClientUnaryCall;
  ScheduleTask(argument: _htq_v1_ScheduleTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_PushTaskResponse__Output>): grpc.ClientUnaryCall;
  ScheduleTask(argument: _htq_v1_ScheduleTaskRequest, callback: grpc.requestCallback<_htq_v1_PushTaskResponse__Output>): grpc.ClientUnaryCall;
  scheduleTask(argument: _htq_v1_ScheduleTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_PushTaskResponse__Output>): grpc.ClientUnaryCall;
  scheduleTask(argument: _htq_v1_ScheduleTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_PushTaskResponse__Output>): grpc.ClientUnaryCall;
  scheduleTask(argument: _htq_v1_ScheduleTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_PushTaskResponse__Output>): grpc.ClientUnaryCall;
  scheduleTask(argument: _htq_v1_ScheduleTaskRequest, callback: grpc.requestCallback<_htq_v1_PushTaskResponse__Output>): grpc.ClientUnaryCall;
  
  UpdateQueue(argument: _htq_v1_UpdateQueueRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Queue__Output>): grpc.ClientUnaryCall;
  UpdateQueue(argument: _htq_v1_UpdateQueueRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_Queue__Output>): grpc.ClientUnaryCall;
  UpdateQueue(argument: _htq_v1_UpdateQueueRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Queue__Output>): grpc.ClientUnaryCall;
  UpdateQueue(argument: _htq_v1_UpdateQueueRequest, callback: grpc.requestCallback<_htq_v1_Queue__Output>): grpc.ClientUnaryCall;
  updateQueue(argument: _htq_v1_UpdateQueueRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Queue__Output>): grpc.ClientUnaryCall;
  updateQueue(argument: _htq_v1_UpdateQueueRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_Queue__Output>): grpc.ClientUnaryCall;
  updateQueue(argument: _htq_v1_UpdateQueueRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Queue__Output>): grpc.ClientUnaryCall;
  updateQueue(argument: _htq_v1_UpdateQueueRequest, callback: grpc.requestCallback<_htq_v1_Queue__Output>): grpc.ClientUnaryCall;
  
  UpdateTopic(argument: _htq_v1_UpdateTopicRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  UpdateTopic(argument: _htq_v1_UpdateTopicRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  UpdateTopic(argument: _htq_v1_UpdateTopicRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  UpdateTopic(argument: _htq_v1_UpdateTopicRequest, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  updateTopic(argument: _htq_v1_UpdateTopicRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  updateTopic(argument: _htq_v1_UpdateTopicRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  updateTopic(argument: _htq_v1_UpdateTopicRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  updateTopic(argument: _htq_v1_UpdateTopicRequest, callback: grpc.requestCallback<_htq_v1_Topic__Output>): grpc.ClientUnaryCall;
  
  WatchQueue(argument: _htq_v1_WatchQueueRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_htq_v1_WatchQueueResponse__Output>;
  WatchQueue(argument: _htq_v1_WatchQueueRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_htq_v1_WatchQueueResponse__Output>;
  watchQueue(argument: _htq_v1_WatchQueueRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_htq_v1_WatchQueueResponse__Output>;
  watchQueue(argument: _htq_v1_WatchQueueRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_htq_v1_WatchQueueResponse__Output>;
  
}

export interface HtqServiceHandlers extends grpc.UntypedServiceImplementation {
  AddEndpoint: grpc.handleUnaryCall<_htq_v1_AddEndpointRequest__Output, _htq_v1_Topic>;
  
  CancelTask: grpc.handleUnaryCall<_htq_v1_CancelTaskRequest__Output, _htq_v1_Task>;
  
  CountTasks: grpc.handleUnaryCall<_htq_v1_CountTasksRequest__Output, _htq_v1_CountTasksResponse>;
  
  CreateQueue: grpc.handleUnaryCall<_htq_v1_CreateQueueRequest__Output, _htq_v1_Queue>;
  
  CreateSchedule: grpc.handleUnaryCall<_htq_v1_CreateScheduleRequest__Output, _htq_v1_Schedule>;
  
  CreateSigningKey: grpc.handleUnaryCall<_htq_v1_CreateSigningKeyRequest__Output, _htq_v1_SigningKey>;
  
  CreateTopic: grpc.handleUnaryCall<_htq_v1_CreateTopicRequest__Output, _htq_v1_Topic>;
  
  DeleteDeadTask: grpc.handleUnaryCall<_htq_v1_DeleteDeadTaskRequest__Output, _htq_v1_DeleteDeadTaskResponse>;
  
  DeleteQueue: grpc.handleUnaryCall<_htq_v1_DeleteQueueRequest__Output, _htq_v1_DeleteQueueResponse>;
  
  DeleteSchedule: grpc.handleUnaryCall<_htq_v1_DeleteScheduleRequest__Output, _htq_v1_DeleteScheduleResponse>;
  
  DeleteTopic: grpc.handleUnaryCall<_htq_v1_DeleteTopicRequest__Output, _htq_v1_DeleteTopicResponse>;
  
  EnableEndpoint: grpc.handleUnaryCall<_htq_v1_EnableEndpointRequest__Output, _htq_v1_Topic>;
  
  GetHistory: grpc.handleUnaryCall<_htq_v1_GetHistoryRequest__Output, _htq_v1_QueueHistory>;
  
  GetQueue: grpc.handleUnaryCall<_htq_v1_GetQueueRequest__Output, _htq_v1_Queue>;
  
  GetSchedule: grpc.handleUnaryCall<_htq_v1_GetScheduleRequest__Output, _htq_v1_Schedule>;
  
  GetSystem: grpc.handleUnaryCall<_htq_v1_GetSystemRequest__Output, _htq_v1_SystemInfo>;
  
  GetTask: grpc.handleUnaryCall<_htq_v1_GetTaskRequest__Output, _htq_v1_Task>;
  
  GetTopic: grpc.handleUnaryCall<_htq_v1_GetTopicRequest__Output, _htq_v1_Topic>;
  
  ListQueues: grpc.handleUnaryCall<_htq_v1_ListQueuesRequest__Output, _htq_v1_ListQueuesResponse>;
  
  ListSchedules: grpc.handleUnaryCall<_htq_v1_ListSchedulesRequest__Output, _htq_v1_ListSchedulesResponse>;
  
  ListSigningKeys: grpc.handleUnaryCall<_htq_v1_ListSigningKeysRequest__Output, _htq_v1_ListSigningKeysResponse>;
  
  ListTasks: grpc.handleUnaryCall<_htq_v1_ListTasksRequest__Output, _htq_v1_ListTasksResponse>;
  
  ListTopics: grpc.handleUnaryCall<_htq_v1_ListTopicsRequest__Output, _htq_v1_ListTopicsResponse>;
  
  PauseQueue: grpc.handleUnaryCall<_htq_v1_PauseQueueRequest__Output, _htq_v1_Queue>;
  
  Publish: grpc.handleUnaryCall<_htq_v1_PublishRequest__Output, _htq_v1_PublishResponse>;
  
  PublishBatch: grpc.handleUnaryCall<_htq_v1_PublishBatchRequest__Output, _htq_v1_PublishBatchResponse>;
  
  PurgeQueue: grpc.handleUnaryCall<_htq_v1_PurgeQueueRequest__Output, _htq_v1_PurgeQueueResponse>;
  
  PushTask: grpc.handleUnaryCall<_htq_v1_PushTaskRequest__Output, _htq_v1_PushTaskResponse>;
  
  PushTasks: grpc.handleUnaryCall<_htq_v1_PushTasksRequest__Output, _htq_v1_PushTasksResponse>;
  
  RemoveEndpoint: grpc.handleUnaryCall<_htq_v1_RemoveEndpointRequest__Output, _htq_v1_Topic>;
  
  ReplayTasks: grpc.handleUnaryCall<_htq_v1_ReplayTasksRequest__Output, _htq_v1_ReplayTasksResponse>;
  
  ResumeQueue: grpc.handleUnaryCall<_htq_v1_ResumeQueueRequest__Output, _htq_v1_Queue>;
  
  RetireSigningKey: grpc.handleUnaryCall<_htq_v1_RetireSigningKeyRequest__Output, _htq_v1_RetireSigningKeyResponse>;
  
  RetryAllDeadTasks: grpc.handleUnaryCall<_htq_v1_RetryAllDeadTasksRequest__Output, _htq_v1_RetryAllDeadTasksResponse>;
  
  RetryDeadTask: grpc.handleUnaryCall<_htq_v1_RetryDeadTaskRequest__Output, _htq_v1_Task>;
  
  RotateSigningKey: grpc.handleUnaryCall<_htq_v1_RotateSigningKeyRequest__Output, _htq_v1_RotateSigningKeyResponse>;
  
  RunTask: grpc.handleUnaryCall<_htq_v1_RunTaskRequest__Output, _htq_v1_Task>;
  
  ScheduleTask: grpc.handleUnaryCall<_htq_v1_ScheduleTaskRequest__Output, _htq_v1_PushTaskResponse>;
  
  UpdateQueue: grpc.handleUnaryCall<_htq_v1_UpdateQueueRequest__Output, _htq_v1_Queue>;
  
  UpdateTopic: grpc.handleUnaryCall<_htq_v1_UpdateTopicRequest__Output, _htq_v1_Topic>;
  
  WatchQueue: grpc.handleServerStreamingCall<_htq_v1_WatchQueueRequest__Output, _htq_v1_WatchQueueResponse>;
  
}

export interface HtqServiceDefinition extends grpc.ServiceDefinition {
  AddEndpoint: MethodDefinition<_htq_v1_AddEndpointRequest, _htq_v1_Topic, _htq_v1_AddEndpointRequest__Output, _htq_v1_Topic__Output>
  CancelTask: MethodDefinition<_htq_v1_CancelTaskRequest, _htq_v1_Task, _htq_v1_CancelTaskRequest__Output, _htq_v1_Task__Output>
  CountTasks: MethodDefinition<_htq_v1_CountTasksRequest, _htq_v1_CountTasksResponse, _htq_v1_CountTasksRequest__Output, _htq_v1_CountTasksResponse__Output>
  CreateQueue: MethodDefinition<_htq_v1_CreateQueueRequest, _htq_v1_Queue, _htq_v1_CreateQueueRequest__Output, _htq_v1_Queue__Output>
  CreateSchedule: MethodDefinition<_htq_v1_CreateScheduleRequest, _htq_v1_Schedule, _htq_v1_CreateScheduleRequest__Output, _htq_v1_Schedule__Output>
  CreateSigningKey: MethodDefinition<_htq_v1_CreateSigningKeyRequest, _htq_v1_SigningKey, _htq_v1_CreateSigningKeyRequest__Output, _htq_v1_SigningKey__Output>
  CreateTopic: MethodDefinition<_htq_v1_CreateTopicRequest, _htq_v1_Topic, _htq_v1_CreateTopicRequest__Output, _htq_v1_Topic__Output>
  DeleteDeadTask: MethodDefinition<_htq_v1_DeleteDeadTaskRequest, _htq_v1_DeleteDeadTaskResponse, _htq_v1_DeleteDeadTaskRequest__Output, _htq_v1_DeleteDeadTaskResponse__Output>
  DeleteQueue: MethodDefinition<_htq_v1_DeleteQueueRequest, _htq_v1_DeleteQueueResponse, _htq_v1_DeleteQueueRequest__Output, _htq_v1_DeleteQueueResponse__Output>
  DeleteSchedule: MethodDefinition<_htq_v1_DeleteScheduleRequest, _htq_v1_DeleteScheduleResponse, _htq_v1_DeleteScheduleRequest__Output, _htq_v1_DeleteScheduleResponse__Output>
  DeleteTopic: MethodDefinition<_htq_v1_DeleteTopicRequest, _htq_v1_DeleteTopicResponse, _htq_v1_DeleteTopicRequest__Output, _htq_v1_DeleteTopicResponse__Output>
  EnableEndpoint: MethodDefinition<_htq_v1_EnableEndpointRequest, _htq_v1_Topic, _htq_v1_EnableEndpointRequest__Output, _htq_v1_Topic__Output>
  GetHistory: MethodDefinition<_htq_v1_GetHistoryRequest, _htq_v1_QueueHistory, _htq_v1_GetHistoryRequest__Output, _htq_v1_QueueHistory__Output>
  GetQueue: MethodDefinition<_htq_v1_GetQueueRequest, _htq_v1_Queue, _htq_v1_GetQueueRequest__Output, _htq_v1_Queue__Output>
  GetSchedule: MethodDefinition<_htq_v1_GetScheduleRequest, _htq_v1_Schedule, _htq_v1_GetScheduleRequest__Output, _htq_v1_Schedule__Output>
  GetSystem: MethodDefinition<_htq_v1_GetSystemRequest, _htq_v1_SystemInfo, _htq_v1_GetSystemRequest__Output, _htq_v1_SystemInfo__Output>
  GetTask: MethodDefinition<_htq_v1_GetTaskRequest, _htq_v1_Task, _htq_v1_GetTaskRequest__Output, _htq_v1_Task__Output>
  GetTopic: MethodDefinition<_htq_v1_GetTopicRequest, _htq_v1_Topic, _htq_v1_GetTopicRequest__Output, _htq_v1_Topic__Output>
  ListQueues: MethodDefinition<_htq_v1_ListQueuesRequest, _htq_v1_ListQueuesResponse, _htq_v1_ListQueuesRequest__Output, _htq_v1_ListQueuesResponse__Output>
  ListSchedules: MethodDefinition<_htq_v1_ListSchedulesRequest, _htq_v1_ListSchedulesResponse, _htq_v1_ListSchedulesRequest__Output, _htq_v1_ListSchedulesResponse__Output>
  ListSigningKeys: MethodDefinition<_htq_v1_ListSigningKeysRequest, _htq_v1_ListSigningKeysResponse, _htq_v1_ListSigningKeysRequest__Output, _htq_v1_ListSigningKeysResponse__Output>
  ListTasks: MethodDefinition<_htq_v1_ListTasksRequest, _htq_v1_ListTasksResponse, _htq_v1_ListTasksRequest__Output, _htq_v1_ListTasksResponse__Output>
  ListTopics: MethodDefinition<_htq_v1_ListTopicsRequest, _htq_v1_ListTopicsResponse, _htq_v1_ListTopicsRequest__Output, _htq_v1_ListTopicsResponse__Output>
  PauseQueue: MethodDefinition<_htq_v1_PauseQueueRequest, _htq_v1_Queue, _htq_v1_PauseQueueRequest__Output, _htq_v1_Queue__Output>
  Publish: MethodDefinition<_htq_v1_PublishRequest, _htq_v1_PublishResponse, _htq_v1_PublishRequest__Output, _htq_v1_PublishResponse__Output>
  PublishBatch: MethodDefinition<_htq_v1_PublishBatchRequest, _htq_v1_PublishBatchResponse, _htq_v1_PublishBatchRequest__Output, _htq_v1_PublishBatchResponse__Output>
  PurgeQueue: MethodDefinition<_htq_v1_PurgeQueueRequest, _htq_v1_PurgeQueueResponse, _htq_v1_PurgeQueueRequest__Output, _htq_v1_PurgeQueueResponse__Output>
  PushTask: MethodDefinition<_htq_v1_PushTaskRequest, _htq_v1_PushTaskResponse, _htq_v1_PushTaskRequest__Output, _htq_v1_PushTaskResponse__Output>
  PushTasks: MethodDefinition<_htq_v1_PushTasksRequest, _htq_v1_PushTasksResponse, _htq_v1_PushTasksRequest__Output, _htq_v1_PushTasksResponse__Output>
  RemoveEndpoint: MethodDefinition<_htq_v1_RemoveEndpointRequest, _htq_v1_Topic, _htq_v1_RemoveEndpointRequest__Output, _htq_v1_Topic__Output>
  ReplayTasks: MethodDefinition<_htq_v1_ReplayTasksRequest, _htq_v1_ReplayTasksResponse, _htq_v1_ReplayTasksRequest__Output, _htq_v1_ReplayTasksResponse__Output>
  ResumeQueue: MethodDefinition<_htq_v1_ResumeQueueRequest, _htq_v1_Queue, _htq_v1_ResumeQueueRequest__Output, _htq_v1_Queue__Output>
  RetireSigningKey: MethodDefinition<_htq_v1_RetireSigningKeyRequest, _htq_v1_RetireSigningKeyResponse, _htq_v1_RetireSigningKeyRequest__Output, _htq_v1_RetireSigningKeyResponse__Output>
  RetryAllDeadTasks: MethodDefinition<_htq_v1_RetryAllDeadTasksRequest, _htq_v1_RetryAllDeadTasksResponse, _htq_v1_RetryAllDeadTasksRequest__Output, _htq_v1_RetryAllDeadTasksResponse__Output>
  RetryDeadTask: MethodDefinition<_htq_v1_RetryDeadTaskRequest, _htq_v1_Task, _htq_v1_RetryDeadTaskRequest__Output, _htq_v1_Task__Output>
  RotateSigningKey: MethodDefinition<_htq_v1_RotateSigningKeyRequest, _htq_v1_RotateSigningKeyResponse, _htq_v1_RotateSigningKeyRequest__Output, _htq_v1_RotateSigningKeyResponse__Output>
  RunTask: MethodDefinition<_htq_v1_RunTaskRequest, _htq_v1_Task, _htq_v1_RunTaskRequest__Output, _htq_v1_Task__Output>
  ScheduleTask: MethodDefinition<_htq_v1_ScheduleTaskRequest, _htq_v1_PushTaskResponse, _htq_v1_ScheduleTaskRequest__Output, _htq_v1_PushTaskResponse__Output>
  UpdateQueue: MethodDefinition<_htq_v1_UpdateQueueRequest, _htq_v1_Queue, _htq_v1_UpdateQueueRequest__Output, _htq_v1_Queue__Output>
  UpdateTopic: MethodDefinition<_htq_v1_UpdateTopicRequest, _htq_v1_Topic, _htq_v1_UpdateTopicRequest__Output, _htq_v1_Topic__Output>
  WatchQueue: MethodDefinition<_htq_v1_WatchQueueRequest, _htq_v1_WatchQueueResponse, _htq_v1_WatchQueueRequest__Output, _htq_v1_WatchQueueResponse__Output>
}
