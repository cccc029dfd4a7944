// Package htq is a client for HTQ, the HTTP task queue, over gRPC. The stubs in
// htqv1/ are generated from the server's proto/ by clients/generate.
//
//	c, err := htq.Dial("127.0.0.1:5999", token)
//	id, err := c.Push(ctx, "emails", htq.Post("https://example.com/send", []byte(`{}`)))
//
// Errors are gRPC status errors: status.Code(err) gives the code.
package htq

import (
	"context"
	"errors"
	"io"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/timestamppb"

	pb "github.com/htq/htq/clients/go/htqv1"
)

// Client talks to one HTQ server. Safe for concurrent use.
type Client struct {
	conn *grpc.ClientConn
	// Raw is the generated client, for every RPC of the contract.
	Raw pb.HtqServiceClient
}

type bearer string

func (b bearer) GetRequestMetadata(context.Context, ...string) (map[string]string, error) {
	return map[string]string{"authorization": "Bearer " + string(b)}, nil
}

func (bearer) RequireTransportSecurity() bool { return false }

// Dial connects to addr (host:port) with API token token, in plain text. Pass
// extra options (TLS credentials, ...) to override.
func Dial(addr, token string, opts ...grpc.DialOption) (*Client, error) {
	all := append([]grpc.DialOption{
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithPerRPCCredentials(bearer(token)),
	}, opts...)
	conn, err := grpc.NewClient(addr, all...)
	if err != nil {
		return nil, err
	}
	return &Client{conn: conn, Raw: pb.NewHtqServiceClient(conn)}, nil
}

// Close closes the connection.
func (c *Client) Close() error { return c.conn.Close() }

// Get is a GET of url.
func Get(url string) *pb.HttpRequest { return &pb.HttpRequest{Method: "GET", Url: url} }

// Post is a POST of body to url.
func Post(url string, body []byte) *pb.HttpRequest {
	return &pb.HttpRequest{Method: "POST", Url: url, Body: &pb.HttpRequest_Data{Data: body}}
}

// CreateQueue creates a queue; unset settings take their defaults.
func (c *Client) CreateQueue(ctx context.Context, q *pb.Queue) (*pb.Queue, error) {
	return c.Raw.CreateQueue(ctx, &pb.CreateQueueRequest{Queue: q})
}

// Push pushes a task due now and returns its id.
func (c *Client) Push(ctx context.Context, queue string, req *pb.HttpRequest) (string, error) {
	r, err := c.Raw.PushTask(ctx, &pb.PushTaskRequest{Queue: queue, Request: req})
	if err != nil {
		return "", err
	}
	return r.TaskId, nil
}

// PushWithCallbacks pushes a task due now whose final outcome is sent to cb (see
// Callbacks) and returns its id.
func (c *Client) PushWithCallbacks(ctx context.Context, queue string, req *pb.HttpRequest, cb *pb.Callbacks) (string, error) {
	r, err := c.Raw.PushTask(ctx, &pb.PushTaskRequest{Queue: queue, Request: req, Callbacks: cb})
	if err != nil {
		return "", err
	}
	return r.TaskId, nil
}

// Callbacks POSTs a task's final outcome to onSuccess or onFailure (empty: none),
// as tasks of the task's own queue; set OnCancel and Queue on the result for more.
func Callbacks(onSuccess, onFailure string) *pb.Callbacks {
	hook := func(url string) *pb.Callback {
		if url == "" {
			return nil
		}
		return &pb.Callback{Method: "POST", Url: url}
	}
	return &pb.Callbacks{OnSuccess: hook(onSuccess), OnFailure: hook(onFailure)}
}

// Endpoint is an endpoint of a topic, named name, at url.
func Endpoint(name, url string) *pb.Endpoint { return &pb.Endpoint{Name: name, Url: url} }

// CreateTopic creates a topic; unset settings take their defaults.
func (c *Client) CreateTopic(ctx context.Context, t *pb.Topic) (*pb.Topic, error) {
	return c.Raw.CreateTopic(ctx, &pb.CreateTopicRequest{Topic: t})
}

// GetTopic returns a topic with its endpoints' health.
func (c *Client) GetTopic(ctx context.Context, name string) (*pb.Topic, error) {
	return c.Raw.GetTopic(ctx, &pb.GetTopicRequest{Name: name})
}

// ListTopics returns every topic.
func (c *Client) ListTopics(ctx context.Context) ([]*pb.Topic, error) {
	r, err := c.Raw.ListTopics(ctx, &pb.ListTopicsRequest{})
	if err != nil {
		return nil, err
	}
	return r.Topics, nil
}

// DeleteTopic deletes a topic and its endpoints' queues.
func (c *Client) DeleteTopic(ctx context.Context, name string) error {
	_, err := c.Raw.DeleteTopic(ctx, &pb.DeleteTopicRequest{Name: name})
	return err
}

// AddEndpoint adds an endpoint to a topic.
func (c *Client) AddEndpoint(ctx context.Context, topic string, e *pb.Endpoint) (*pb.Topic, error) {
	return c.Raw.AddEndpoint(ctx, &pb.AddEndpointRequest{Topic: topic, Endpoint: e})
}

// RemoveEndpoint removes an endpoint and its queue.
func (c *Client) RemoveEndpoint(ctx context.Context, topic, endpoint string) (*pb.Topic, error) {
	return c.Raw.RemoveEndpoint(ctx, &pb.RemoveEndpointRequest{Topic: topic, Endpoint: endpoint})
}

// EnableEndpoint enables a disabled or paused endpoint.
func (c *Client) EnableEndpoint(ctx context.Context, topic, endpoint string) (*pb.Topic, error) {
	return c.Raw.EnableEndpoint(ctx, &pb.EnableEndpointRequest{Topic: topic, Endpoint: endpoint})
}

// Publish sends body to every endpoint of topic (one task each); set more fields
// of the request with Raw.Publish.
func (c *Client) Publish(ctx context.Context, topic string, body []byte) (*pb.PublishResponse, error) {
	return c.Raw.Publish(ctx, &pb.PublishRequest{Topic: topic, Body: &pb.PublishRequest_Data{Data: body}})
}

// Schedule pushes a task due at at and returns its id.
func (c *Client) Schedule(ctx context.Context, queue string, req *pb.HttpRequest, at time.Time) (string, error) {
	r, err := c.Raw.ScheduleTask(ctx, &pb.ScheduleTaskRequest{
		Queue:   queue,
		Request: req,
		When:    &pb.ScheduleTaskRequest_ScheduleTime{ScheduleTime: timestamppb.New(at)},
	})
	if err != nil {
		return "", err
	}
	return r.TaskId, nil
}

// GetTask returns one task.
func (c *Client) GetTask(ctx context.Context, queue, id string) (*pb.Task, error) {
	return c.Raw.GetTask(ctx, &pb.GetTaskRequest{Queue: queue, Id: id})
}

// Cancel removes a task that has not finished and returns it as it was.
func (c *Client) Cancel(ctx context.Context, queue, id string) (*pb.Task, error) {
	return c.Raw.CancelTask(ctx, &pb.CancelTaskRequest{Queue: queue, Id: id})
}

// ReplayFilter says which dead and retained finished tasks Replay runs again: each
// condition that is set must hold.
type ReplayFilter struct {
	// State: pb.TaskState_TASK_STATE_DEAD, _SUCCEEDED or _CANCELLED; unset, all three.
	State pb.TaskState
	// Since and Until bound when the tasks died or finished (Until exclusive).
	Since, Until time.Time
	// LastStatus is the HTTP status of their last reply.
	LastStatus int32
	// FlowKey is their flow key.
	FlowKey string
	// Limit is the most tasks this call replays (0: 1,000).
	Limit int32
}

// Replay runs again, as new attempts, the dead and retained finished tasks of
// queue that match f: how many, and whether more match beyond the limit.
func (c *Client) Replay(ctx context.Context, queue string, f ReplayFilter) (*pb.ReplayTasksResponse, error) {
	req := &pb.ReplayTasksRequest{
		Queue:      queue,
		State:      f.State,
		LastStatus: f.LastStatus,
		FlowKey:    f.FlowKey,
		Limit:      f.Limit,
	}
	if !f.Since.IsZero() {
		req.Since = timestamppb.New(f.Since)
	}
	if !f.Until.IsZero() {
		req.Until = timestamppb.New(f.Until)
	}
	return c.Raw.ReplayTasks(ctx, req)
}

// Watch streams the queue's events ("" for every queue) from now, or after cursor,
// on the returned channel until ctx ends or the stream fails; the error channel
// then receives the reason (nil when ctx ended).
func (c *Client) Watch(ctx context.Context, queue, cursor string) (<-chan *pb.QueueEvent, <-chan error, error) {
	stream, err := c.Raw.WatchQueue(ctx, &pb.WatchQueueRequest{Queue: queue, Cursor: cursor})
	if err != nil {
		return nil, nil, err
	}
	events := make(chan *pb.QueueEvent, 16)
	errs := make(chan error, 1)
	go func() {
		defer close(events)
		defer close(errs)
		for {
			item, err := stream.Recv()
			if err != nil {
				if errors.Is(err, io.EOF) || status.Code(err) == codes.Canceled || ctx.Err() != nil {
					errs <- nil
				} else {
					errs <- err
				}
				return
			}
			if e := item.GetEvent(); e != nil {
				select {
				case events <- e:
				case <-ctx.Done():
					errs <- nil
					return
				}
			}
		}
	}()
	return events, errs, nil
}
