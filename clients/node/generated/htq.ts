import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from './google/protobuf/Duration';
import type { FieldMask as _google_protobuf_FieldMask, FieldMask__Output as _google_protobuf_FieldMask__Output } from './google/protobuf/FieldMask';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';
import type { AddEndpointRequest as _htq_v1_AddEndpointRequest, AddEndpointRequest__Output as _htq_v1_AddEndpointRequest__Output } from './htq/v1/AddEndpointRequest';
import type { Attempt as _htq_v1_Attempt, Attempt__Output as _htq_v1_Attempt__Output } from './htq/v1/Attempt';
import type { Callback as _htq_v1_Callback, Callback__Output as _htq_v1_Callback__Output } from './htq/v1/Callback';
import type { Callbacks as _htq_v1_Callbacks, Callbacks__Output as _htq_v1_Callbacks__Output } from './htq/v1/Callbacks';
import type { CancelTaskRequest as _htq_v1_CancelTaskRequest, CancelTaskRequest__Output as _htq_v1_CancelTaskRequest__Output } from './htq/v1/CancelTaskRequest';
import type { CapturedResponse as _htq_v1_CapturedResponse, CapturedResponse__Output as _htq_v1_CapturedResponse__Output } from './htq/v1/CapturedResponse';
import type { CountTasksRequest as _htq_v1_CountTasksRequest, CountTasksRequest__Output as _htq_v1_CountTasksRequest__Output } from './htq/v1/CountTasksRequest';
import type { CountTasksResponse as _htq_v1_CountTasksResponse, CountTasksResponse__Output as _htq_v1_CountTasksResponse__Output } from './htq/v1/CountTasksResponse';
import type { CreateQueueRequest as _htq_v1_CreateQueueRequest, CreateQueueRequest__Output as _htq_v1_CreateQueueRequest__Output } from './htq/v1/CreateQueueRequest';
import type { CreateScheduleRequest as _htq_v1_CreateScheduleRequest, CreateScheduleRequest__Output as _htq_v1_CreateScheduleRequest__Output } from './htq/v1/CreateScheduleRequest';
import type { CreateSigningKeyRequest as _htq_v1_CreateSigningKeyRequest, CreateSigningKeyRequest__Output as _htq_v1_CreateSigningKeyRequest__Output } from './htq/v1/CreateSigningKeyRequest';
import type { CreateTopicRequest as _htq_v1_CreateTopicRequest, CreateTopicRequest__Output as _htq_v1_CreateTopicRequest__Output } from './htq/v1/CreateTopicRequest';
import type { DeadLetterPolicy as _htq_v1_DeadLetterPolicy, DeadLetterPolicy__Output as _htq_v1_DeadLetterPolicy__Output } from './htq/v1/DeadLetterPolicy';
import type { DeleteDeadTaskRequest as _htq_v1_DeleteDeadTaskRequest, DeleteDeadTaskRequest__Output as _htq_v1_DeleteDeadTaskRequest__Output } from './htq/v1/DeleteDeadTaskRequest';
import type { DeleteDeadTaskResponse as _htq_v1_DeleteDeadTaskResponse, DeleteDeadTaskResponse__Output as _htq_v1_DeleteDeadTaskResponse__Output } from './htq/v1/DeleteDeadTaskResponse';
import type { DeleteQueueRequest as _htq_v1_DeleteQueueRequest, DeleteQueueRequest__Output as _htq_v1_DeleteQueueRequest__Output } from './htq/v1/DeleteQueueRequest';
import type { DeleteQueueResponse as _htq_v1_DeleteQueueResponse, DeleteQueueResponse__Output as _htq_v1_DeleteQueueResponse__Output } from './htq/v1/DeleteQueueResponse';
import type { DeleteScheduleRequest as _htq_v1_DeleteScheduleRequest, DeleteScheduleRequest__Output as _htq_v1_DeleteScheduleRequest__Output } from './htq/v1/DeleteScheduleRequest';
import type { DeleteScheduleResponse as _htq_v1_DeleteScheduleResponse, DeleteScheduleResponse__Output as _htq_v1_DeleteScheduleResponse__Output } from './htq/v1/DeleteScheduleResponse';
import type { DeleteTopicRequest as _htq_v1_DeleteTopicRequest, DeleteTopicRequest__Output as _htq_v1_DeleteTopicRequest__Output } from './htq/v1/DeleteTopicRequest';
import type { DeleteTopicResponse as _htq_v1_DeleteTopicResponse, DeleteTopicResponse__Output as _htq_v1_DeleteTopicResponse__Output } from './htq/v1/DeleteTopicResponse';
import type { Delivery as _htq_v1_Delivery, Delivery__Output as _htq_v1_Delivery__Output } from './htq/v1/Delivery';
import type { EnableEndpointRequest as _htq_v1_EnableEndpointRequest, EnableEndpointRequest__Output as _htq_v1_EnableEndpointRequest__Output } from './htq/v1/EnableEndpointRequest';
import type { Endpoint as _htq_v1_Endpoint, Endpoint__Output as _htq_v1_Endpoint__Output } from './htq/v1/Endpoint';
import type { EventGap as _htq_v1_EventGap, EventGap__Output as _htq_v1_EventGap__Output } from './htq/v1/EventGap';
import type { FlowControl as _htq_v1_FlowControl, FlowControl__Output as _htq_v1_FlowControl__Output } from './htq/v1/FlowControl';
import type { Form as _htq_v1_Form, Form__Output as _htq_v1_Form__Output } from './htq/v1/Form';
import type { FormField as _htq_v1_FormField, FormField__Output as _htq_v1_FormField__Output } from './htq/v1/FormField';
import type { GetHistoryRequest as _htq_v1_GetHistoryRequest, GetHistoryRequest__Output as _htq_v1_GetHistoryRequest__Output } from './htq/v1/GetHistoryRequest';
import type { GetQueueRequest as _htq_v1_GetQueueRequest, GetQueueRequest__Output as _htq_v1_GetQueueRequest__Output } from './htq/v1/GetQueueRequest';
import type { GetScheduleRequest as _htq_v1_GetScheduleRequest, GetScheduleRequest__Output as _htq_v1_GetScheduleRequest__Output } from './htq/v1/GetScheduleRequest';
import type { GetSystemRequest as _htq_v1_GetSystemRequest, GetSystemRequest__Output as _htq_v1_GetSystemRequest__Output } from './htq/v1/GetSystemRequest';
import type { GetTaskRequest as _htq_v1_GetTaskRequest, GetTaskRequest__Output as _htq_v1_GetTaskRequest__Output } from './htq/v1/GetTaskRequest';
import type { GetTopicRequest as _htq_v1_GetTopicRequest, GetTopicRequest__Output as _htq_v1_GetTopicRequest__Output } from './htq/v1/GetTopicRequest';
import type { Header as _htq_v1_Header, Header__Output as _htq_v1_Header__Output } from './htq/v1/Header';
import type { HistoryPoint as _htq_v1_HistoryPoint, HistoryPoint__Output as _htq_v1_HistoryPoint__Output } from './htq/v1/HistoryPoint';
import type { HtqProcess as _htq_v1_HtqProcess, HtqProcess__Output as _htq_v1_HtqProcess__Output } from './htq/v1/HtqProcess';
import type { HtqServiceClient as _htq_v1_HtqServiceClient, HtqServiceDefinition as _htq_v1_HtqServiceDefinition } from './htq/v1/HtqService';
import type { HttpRequest as _htq_v1_HttpRequest, HttpRequest__Output as _htq_v1_HttpRequest__Output } from './htq/v1/HttpRequest';
import type { ListQueuesRequest as _htq_v1_ListQueuesRequest, ListQueuesRequest__Output as _htq_v1_ListQueuesRequest__Output } from './htq/v1/ListQueuesRequest';
import type { ListQueuesResponse as _htq_v1_ListQueuesResponse, ListQueuesResponse__Output as _htq_v1_ListQueuesResponse__Output } from './htq/v1/ListQueuesResponse';
import type { ListSchedulesRequest as _htq_v1_ListSchedulesRequest, ListSchedulesRequest__Output as _htq_v1_ListSchedulesRequest__Output } from './htq/v1/ListSchedulesRequest';
import type { ListSchedulesResponse as _htq_v1_ListSchedulesResponse, ListSchedulesResponse__Output as _htq_v1_ListSchedulesResponse__Output } from './htq/v1/ListSchedulesResponse';
import type { ListSigningKeysRequest as _htq_v1_ListSigningKeysRequest, ListSigningKeysRequest__Output as _htq_v1_ListSigningKeysRequest__Output } from './htq/v1/ListSigningKeysRequest';
import type { ListSigningKeysResponse as _htq_v1_ListSigningKeysResponse, ListSigningKeysResponse__Output as _htq_v1_ListSigningKeysResponse__Output } from './htq/v1/ListSigningKeysResponse';
import type { ListTasksRequest as _htq_v1_ListTasksRequest, ListTasksRequest__Output as _htq_v1_ListTasksRequest__Output } from './htq/v1/ListTasksRequest';
import type { ListTasksResponse as _htq_v1_ListTasksResponse, ListTasksResponse__Output as _htq_v1_ListTasksResponse__Output } from './htq/v1/ListTasksResponse';
import type { ListTopicsRequest as _htq_v1_ListTopicsRequest, ListTopicsRequest__Output as _htq_v1_ListTopicsRequest__Output } from './htq/v1/ListTopicsRequest';
import type { ListTopicsResponse as _htq_v1_ListTopicsResponse, ListTopicsResponse__Output as _htq_v1_ListTopicsResponse__Output } from './htq/v1/ListTopicsResponse';
import type { PauseQueueRequest as _htq_v1_PauseQueueRequest, PauseQueueRequest__Output as _htq_v1_PauseQueueRequest__Output } from './htq/v1/PauseQueueRequest';
import type { PublishBatchRequest as _htq_v1_PublishBatchRequest, PublishBatchRequest__Output as _htq_v1_PublishBatchRequest__Output } from './htq/v1/PublishBatchRequest';
import type { PublishBatchResponse as _htq_v1_PublishBatchResponse, PublishBatchResponse__Output as _htq_v1_PublishBatchResponse__Output } from './htq/v1/PublishBatchResponse';
import type { PublishRequest as _htq_v1_PublishRequest, PublishRequest__Output as _htq_v1_PublishRequest__Output } from './htq/v1/PublishRequest';
import type { PublishResponse as _htq_v1_PublishResponse, PublishResponse__Output as _htq_v1_PublishResponse__Output } from './htq/v1/PublishResponse';
import type { PurgeQueueRequest as _htq_v1_PurgeQueueRequest, PurgeQueueRequest__Output as _htq_v1_PurgeQueueRequest__Output } from './htq/v1/PurgeQueueRequest';
import type { PurgeQueueResponse as _htq_v1_PurgeQueueResponse, PurgeQueueResponse__Output as _htq_v1_PurgeQueueResponse__Output } from './htq/v1/PurgeQueueResponse';
import type { PushTaskRequest as _htq_v1_PushTaskRequest, PushTaskRequest__Output as _htq_v1_PushTaskRequest__Output } from './htq/v1/PushTaskRequest';
import type { PushTaskResponse as _htq_v1_PushTaskResponse, PushTaskResponse__Output as _htq_v1_PushTaskResponse__Output } from './htq/v1/PushTaskResponse';
import type { PushTasksRequest as _htq_v1_PushTasksRequest, PushTasksRequest__Output as _htq_v1_PushTasksRequest__Output } from './htq/v1/PushTasksRequest';
import type { PushTasksResponse as _htq_v1_PushTasksResponse, PushTasksResponse__Output as _htq_v1_PushTasksResponse__Output } from './htq/v1/PushTasksResponse';
import type { Queue as _htq_v1_Queue, Queue__Output as _htq_v1_Queue__Output } from './htq/v1/Queue';
import type { QueueEvent as _htq_v1_QueueEvent, QueueEvent__Output as _htq_v1_QueueEvent__Output } from './htq/v1/QueueEvent';
import type { QueueHistory as _htq_v1_QueueHistory, QueueHistory__Output as _htq_v1_QueueHistory__Output } from './htq/v1/QueueHistory';
import type { QueueStats as _htq_v1_QueueStats, QueueStats__Output as _htq_v1_QueueStats__Output } from './htq/v1/QueueStats';
import type { RedisServer as _htq_v1_RedisServer, RedisServer__Output as _htq_v1_RedisServer__Output } from './htq/v1/RedisServer';
import type { RemoveEndpointRequest as _htq_v1_RemoveEndpointRequest, RemoveEndpointRequest__Output as _htq_v1_RemoveEndpointRequest__Output } from './htq/v1/RemoveEndpointRequest';
import type { ReplayTasksRequest as _htq_v1_ReplayTasksRequest, ReplayTasksRequest__Output as _htq_v1_ReplayTasksRequest__Output } from './htq/v1/ReplayTasksRequest';
import type { ReplayTasksResponse as _htq_v1_ReplayTasksResponse, ReplayTasksResponse__Output as _htq_v1_ReplayTasksResponse__Output } from './htq/v1/ReplayTasksResponse';
import type { ResumeQueueRequest as _htq_v1_ResumeQueueRequest, ResumeQueueRequest__Output as _htq_v1_ResumeQueueRequest__Output } from './htq/v1/ResumeQueueRequest';
import type { RetireSigningKeyRequest as _htq_v1_RetireSigningKeyRequest, RetireSigningKeyRequest__Output as _htq_v1_RetireSigningKeyRequest__Output } from './htq/v1/RetireSigningKeyRequest';
import type { RetireSigningKeyResponse as _htq_v1_RetireSigningKeyResponse, RetireSigningKeyResponse__Output as _htq_v1_RetireSigningKeyResponse__Output } from './htq/v1/RetireSigningKeyResponse';
import type { RetryAllDeadTasksRequest as _htq_v1_RetryAllDeadTasksRequest, RetryAllDeadTasksRequest__Output as _htq_v1_RetryAllDeadTasksRequest__Output } from './htq/v1/RetryAllDeadTasksRequest';
import type { RetryAllDeadTasksResponse as _htq_v1_RetryAllDeadTasksResponse, RetryAllDeadTasksResponse__Output as _htq_v1_RetryAllDeadTasksResponse__Output } from './htq/v1/RetryAllDeadTasksResponse';
import type { RetryDeadTaskRequest as _htq_v1_RetryDeadTaskRequest, RetryDeadTaskRequest__Output as _htq_v1_RetryDeadTaskRequest__Output } from './htq/v1/RetryDeadTaskRequest';
import type { RetryPolicy as _htq_v1_RetryPolicy, RetryPolicy__Output as _htq_v1_RetryPolicy__Output } from './htq/v1/RetryPolicy';
import type { RotateSigningKeyRequest as _htq_v1_RotateSigningKeyRequest, RotateSigningKeyRequest__Output as _htq_v1_RotateSigningKeyRequest__Output } from './htq/v1/RotateSigningKeyRequest';
import type { RotateSigningKeyResponse as _htq_v1_RotateSigningKeyResponse, RotateSigningKeyResponse__Output as _htq_v1_RotateSigningKeyResponse__Output } from './htq/v1/RotateSigningKeyResponse';
import type { RunTaskRequest as _htq_v1_RunTaskRequest, RunTaskRequest__Output as _htq_v1_RunTaskRequest__Output } from './htq/v1/RunTaskRequest';
import type { Schedule as _htq_v1_Schedule, Schedule__Output as _htq_v1_Schedule__Output } from './htq/v1/Schedule';
import type { ScheduleTaskRequest as _htq_v1_ScheduleTaskRequest, ScheduleTaskRequest__Output as _htq_v1_ScheduleTaskRequest__Output } from './htq/v1/ScheduleTaskRequest';
import type { SigningKey as _htq_v1_SigningKey, SigningKey__Output as _htq_v1_SigningKey__Output } from './htq/v1/SigningKey';
import type { SystemInfo as _htq_v1_SystemInfo, SystemInfo__Output as _htq_v1_SystemInfo__Output } from './htq/v1/SystemInfo';
import type { Task as _htq_v1_Task, Task__Output as _htq_v1_Task__Output } from './htq/v1/Task';
import type { TaskEntry as _htq_v1_TaskEntry, TaskEntry__Output as _htq_v1_TaskEntry__Output } from './htq/v1/TaskEntry';
import type { Topic as _htq_v1_Topic, Topic__Output as _htq_v1_Topic__Output } from './htq/v1/Topic';
import type { UpdateQueueRequest as _htq_v1_UpdateQueueRequest, UpdateQueueRequest__Output as _htq_v1_UpdateQueueRequest__Output } from './htq/v1/UpdateQueueRequest';
import type { UpdateTopicRequest as _htq_v1_UpdateTopicRequest, UpdateTopicRequest__Output as _htq_v1_UpdateTopicRequest__Output } from './htq/v1/UpdateTopicRequest';
import type { VariableSettings as _htq_v1_VariableSettings, VariableSettings__Output as _htq_v1_VariableSettings__Output } from './htq/v1/VariableSettings';
import type { WatchQueueRequest as _htq_v1_WatchQueueRequest, WatchQueueRequest__Output as _htq_v1_WatchQueueRequest__Output } from './htq/v1/WatchQueueRequest';
import type { WatchQueueResponse as _htq_v1_WatchQueueResponse, WatchQueueResponse__Output as _htq_v1_WatchQueueResponse__Output } from './htq/v1/WatchQueueResponse';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  google: {
    protobuf: {
      Duration: MessageTypeDefinition<_google_protobuf_Duration, _google_protobuf_Duration__Output>
      FieldMask: MessageTypeDefinition<_google_protobuf_FieldMask, _google_protobuf_FieldMask__Output>
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
    }
  }
  htq: {
    v1: {
      AddEndpointRequest: MessageTypeDefinition<_htq_v1_AddEndpointRequest, _htq_v1_AddEndpointRequest__Output>
      Attempt: MessageTypeDefinition<_htq_v1_Attempt, _htq_v1_Attempt__Output>
      Callback: MessageTypeDefinition<_htq_v1_Callback, _htq_v1_Callback__Output>
      Callbacks: MessageTypeDefinition<_htq_v1_Callbacks, _htq_v1_Callbacks__Output>
      CancelTaskRequest: MessageTypeDefinition<_htq_v1_CancelTaskRequest, _htq_v1_CancelTaskRequest__Output>
      CapturedResponse: MessageTypeDefinition<_htq_v1_CapturedResponse, _htq_v1_CapturedResponse__Output>
      CatchUp: EnumTypeDefinition
      CountTasksRequest: MessageTypeDefinition<_htq_v1_CountTasksRequest, _htq_v1_CountTasksRequest__Output>
      CountTasksResponse: MessageTypeDefinition<_htq_v1_CountTasksResponse, _htq_v1_CountTasksResponse__Output>
      CreateQueueRequest: MessageTypeDefinition<_htq_v1_CreateQueueRequest, _htq_v1_CreateQueueRequest__Output>
      CreateScheduleRequest: MessageTypeDefinition<_htq_v1_CreateScheduleRequest, _htq_v1_CreateScheduleRequest__Output>
      CreateSigningKeyRequest: MessageTypeDefinition<_htq_v1_CreateSigningKeyRequest, _htq_v1_CreateSigningKeyRequest__Output>
      CreateTopicRequest: MessageTypeDefinition<_htq_v1_CreateTopicRequest, _htq_v1_CreateTopicRequest__Output>
      DeadLetterPolicy: MessageTypeDefinition<_htq_v1_DeadLetterPolicy, _htq_v1_DeadLetterPolicy__Output>
      DeleteDeadTaskRequest: MessageTypeDefinition<_htq_v1_DeleteDeadTaskRequest, _htq_v1_DeleteDeadTaskRequest__Output>
      DeleteDeadTaskResponse: MessageTypeDefinition<_htq_v1_DeleteDeadTaskResponse, _htq_v1_DeleteDeadTaskResponse__Output>
      DeleteQueueRequest: MessageTypeDefinition<_htq_v1_DeleteQueueRequest, _htq_v1_DeleteQueueRequest__Output>
      DeleteQueueResponse: MessageTypeDefinition<_htq_v1_DeleteQueueResponse, _htq_v1_DeleteQueueResponse__Output>
      DeleteScheduleRequest: MessageTypeDefinition<_htq_v1_DeleteScheduleRequest, _htq_v1_DeleteScheduleRequest__Output>
      DeleteScheduleResponse: MessageTypeDefinition<_htq_v1_DeleteScheduleResponse, _htq_v1_DeleteScheduleResponse__Output>
      DeleteTopicRequest: MessageTypeDefinition<_htq_v1_DeleteTopicRequest, _htq_v1_DeleteTopicRequest__Output>
      DeleteTopicResponse: MessageTypeDefinition<_htq_v1_DeleteTopicResponse, _htq_v1_DeleteTopicResponse__Output>
      Delivery: MessageTypeDefinition<_htq_v1_Delivery, _htq_v1_Delivery__Output>
      EnableEndpointRequest: MessageTypeDefinition<_htq_v1_EnableEndpointRequest, _htq_v1_EnableEndpointRequest__Output>
      Endpoint: MessageTypeDefinition<_htq_v1_Endpoint, _htq_v1_Endpoint__Output>
      EndpointState: EnumTypeDefinition
      EventGap: MessageTypeDefinition<_htq_v1_EventGap, _htq_v1_EventGap__Output>
      EventKind: EnumTypeDefinition
      FlowControl: MessageTypeDefinition<_htq_v1_FlowControl, _htq_v1_FlowControl__Output>
      Form: MessageTypeDefinition<_htq_v1_Form, _htq_v1_Form__Output>
      FormField: MessageTypeDefinition<_htq_v1_FormField, _htq_v1_FormField__Output>
      GetHistoryRequest: MessageTypeDefinition<_htq_v1_GetHistoryRequest, _htq_v1_GetHistoryRequest__Output>
      GetQueueRequest: MessageTypeDefinition<_htq_v1_GetQueueRequest, _htq_v1_GetQueueRequest__Output>
      GetScheduleRequest: MessageTypeDefinition<_htq_v1_GetScheduleRequest, _htq_v1_GetScheduleRequest__Output>
      GetSystemRequest: MessageTypeDefinition<_htq_v1_GetSystemRequest, _htq_v1_GetSystemRequest__Output>
      GetTaskRequest: MessageTypeDefinition<_htq_v1_GetTaskRequest, _htq_v1_GetTaskRequest__Output>
      GetTopicRequest: MessageTypeDefinition<_htq_v1_GetTopicRequest, _htq_v1_GetTopicRequest__Output>
      Header: MessageTypeDefinition<_htq_v1_Header, _htq_v1_Header__Output>
      HistoryPoint: MessageTypeDefinition<_htq_v1_HistoryPoint, _htq_v1_HistoryPoint__Output>
      HtqProcess: MessageTypeDefinition<_htq_v1_HtqProcess, _htq_v1_HtqProcess__Output>
      HtqService: SubtypeConstructor<typeof grpc.Client, _htq_v1_HtqServiceClient> & { service: _htq_v1_HtqServiceDefinition }
      HttpRequest: MessageTypeDefinition<_htq_v1_HttpRequest, _htq_v1_HttpRequest__Output>
      ListQueuesRequest: MessageTypeDefinition<_htq_v1_ListQueuesRequest, _htq_v1_ListQueuesRequest__Output>
      ListQueuesResponse: MessageTypeDefinition<_htq_v1_ListQueuesResponse, _htq_v1_ListQueuesResponse__Output>
      ListSchedulesRequest: MessageTypeDefinition<_htq_v1_ListSchedulesRequest, _htq_v1_ListSchedulesRequest__Output>
      ListSchedulesResponse: MessageTypeDefinition<_htq_v1_ListSchedulesResponse, _htq_v1_ListSchedulesResponse__Output>
      ListSigningKeysRequest: MessageTypeDefinition<_htq_v1_ListSigningKeysRequest, _htq_v1_ListSigningKeysRequest__Output>
      ListSigningKeysResponse: MessageTypeDefinition<_htq_v1_ListSigningKeysResponse, _htq_v1_ListSigningKeysResponse__Output>
      ListTasksRequest: MessageTypeDefinition<_htq_v1_ListTasksRequest, _htq_v1_ListTasksRequest__Output>
      ListTasksResponse: MessageTypeDefinition<_htq_v1_ListTasksResponse, _htq_v1_ListTasksResponse__Output>
      ListTopicsRequest: MessageTypeDefinition<_htq_v1_ListTopicsRequest, _htq_v1_ListTopicsRequest__Output>
      ListTopicsResponse: MessageTypeDefinition<_htq_v1_ListTopicsResponse, _htq_v1_ListTopicsResponse__Output>
      PauseQueueRequest: MessageTypeDefinition<_htq_v1_PauseQueueRequest, _htq_v1_PauseQueueRequest__Output>
      PublishBatchRequest: MessageTypeDefinition<_htq_v1_PublishBatchRequest, _htq_v1_PublishBatchRequest__Output>
      PublishBatchResponse: MessageTypeDefinition<_htq_v1_PublishBatchResponse, _htq_v1_PublishBatchResponse__Output>
      PublishRequest: MessageTypeDefinition<_htq_v1_PublishRequest, _htq_v1_PublishRequest__Output>
      PublishResponse: MessageTypeDefinition<_htq_v1_PublishResponse, _htq_v1_PublishResponse__Output>
      PurgeQueueRequest: MessageTypeDefinition<_htq_v1_PurgeQueueRequest, _htq_v1_PurgeQueueRequest__Output>
      PurgeQueueResponse: MessageTypeDefinition<_htq_v1_PurgeQueueResponse, _htq_v1_PurgeQueueResponse__Output>
      PushTaskRequest: MessageTypeDefinition<_htq_v1_PushTaskRequest, _htq_v1_PushTaskRequest__Output>
      PushTaskResponse: MessageTypeDefinition<_htq_v1_PushTaskResponse, _htq_v1_PushTaskResponse__Output>
      PushTasksRequest: MessageTypeDefinition<_htq_v1_PushTasksRequest, _htq_v1_PushTasksRequest__Output>
      PushTasksResponse: MessageTypeDefinition<_htq_v1_PushTasksResponse, _htq_v1_PushTasksResponse__Output>
      Queue: MessageTypeDefinition<_htq_v1_Queue, _htq_v1_Queue__Output>
      QueueEvent: MessageTypeDefinition<_htq_v1_QueueEvent, _htq_v1_QueueEvent__Output>
      QueueHistory: MessageTypeDefinition<_htq_v1_QueueHistory, _htq_v1_QueueHistory__Output>
      QueueKind: EnumTypeDefinition
      QueueStats: MessageTypeDefinition<_htq_v1_QueueStats, _htq_v1_QueueStats__Output>
      RedisServer: MessageTypeDefinition<_htq_v1_RedisServer, _htq_v1_RedisServer__Output>
      RemoveEndpointRequest: MessageTypeDefinition<_htq_v1_RemoveEndpointRequest, _htq_v1_RemoveEndpointRequest__Output>
      ReplayTasksRequest: MessageTypeDefinition<_htq_v1_ReplayTasksRequest, _htq_v1_ReplayTasksRequest__Output>
      ReplayTasksResponse: MessageTypeDefinition<_htq_v1_ReplayTasksResponse, _htq_v1_ReplayTasksResponse__Output>
      ResumeQueueRequest: MessageTypeDefinition<_htq_v1_ResumeQueueRequest, _htq_v1_ResumeQueueRequest__Output>
      RetireSigningKeyRequest: MessageTypeDefinition<_htq_v1_RetireSigningKeyRequest, _htq_v1_RetireSigningKeyRequest__Output>
      RetireSigningKeyResponse: MessageTypeDefinition<_htq_v1_RetireSigningKeyResponse, _htq_v1_RetireSigningKeyResponse__Output>
      RetryAllDeadTasksRequest: MessageTypeDefinition<_htq_v1_RetryAllDeadTasksRequest, _htq_v1_RetryAllDeadTasksRequest__Output>
      RetryAllDeadTasksResponse: MessageTypeDefinition<_htq_v1_RetryAllDeadTasksResponse, _htq_v1_RetryAllDeadTasksResponse__Output>
      RetryDeadTaskRequest: MessageTypeDefinition<_htq_v1_RetryDeadTaskRequest, _htq_v1_RetryDeadTaskRequest__Output>
      RetryPolicy: MessageTypeDefinition<_htq_v1_RetryPolicy, _htq_v1_RetryPolicy__Output>
      RotateSigningKeyRequest: MessageTypeDefinition<_htq_v1_RotateSigningKeyRequest, _htq_v1_RotateSigningKeyRequest__Output>
      RotateSigningKeyResponse: MessageTypeDefinition<_htq_v1_RotateSigningKeyResponse, _htq_v1_RotateSigningKeyResponse__Output>
      RunTaskRequest: MessageTypeDefinition<_htq_v1_RunTaskRequest, _htq_v1_RunTaskRequest__Output>
      Schedule: MessageTypeDefinition<_htq_v1_Schedule, _htq_v1_Schedule__Output>
      ScheduleTaskRequest: MessageTypeDefinition<_htq_v1_ScheduleTaskRequest, _htq_v1_ScheduleTaskRequest__Output>
      SigningAlgorithm: EnumTypeDefinition
      SigningKey: MessageTypeDefinition<_htq_v1_SigningKey, _htq_v1_SigningKey__Output>
      SystemInfo: MessageTypeDefinition<_htq_v1_SystemInfo, _htq_v1_SystemInfo__Output>
      Task: MessageTypeDefinition<_htq_v1_Task, _htq_v1_Task__Output>
      TaskEntry: MessageTypeDefinition<_htq_v1_TaskEntry, _htq_v1_TaskEntry__Output>
      TaskState: EnumTypeDefinition
      Topic: MessageTypeDefinition<_htq_v1_Topic, _htq_v1_Topic__Output>
      UpdateQueueRequest: MessageTypeDefinition<_htq_v1_UpdateQueueRequest, _htq_v1_UpdateQueueRequest__Output>
      UpdateTopicRequest: MessageTypeDefinition<_htq_v1_UpdateTopicRequest, _htq_v1_UpdateTopicRequest__Output>
      VariableSettings: MessageTypeDefinition<_htq_v1_VariableSettings, _htq_v1_VariableSettings__Output>
      WatchQueueRequest: MessageTypeDefinition<_htq_v1_WatchQueueRequest, _htq_v1_WatchQueueRequest__Output>
      WatchQueueResponse: MessageTypeDefinition<_htq_v1_WatchQueueResponse, _htq_v1_WatchQueueResponse__Output>
    }
  }
}

