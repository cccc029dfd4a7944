// Smoke test against a live HTQ: go run ./smoke HOST:PORT TOKEN SINK_URL
package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	htq "github.com/htq/htq/clients/go"
	pb "github.com/htq/htq/clients/go/htqv1"
)

func check(ok bool, what string, args ...any) {
	if !ok {
		fmt.Fprintf(os.Stderr, "failed: "+what+"\n", args...)
		os.Exit(1)
	}
}

func main() {
	addr, token, sink := os.Args[1], os.Args[2], os.Args[3]
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	c, err := htq.Dial(addr, token)
	check(err == nil, "dial: %v", err)
	defer c.Close()
	_, err = c.CreateQueue(ctx, &pb.Queue{Name: "go", MaxConcurrency: 2})
	check(err == nil, "create: %v", err)
	events, errs, err := c.Watch(ctx, "go", "")
	check(err == nil, "watch: %v", err)
	time.Sleep(300 * time.Millisecond)
	pushed, err := c.Push(ctx, "go", htq.Get(sink+"?from=go"))
	check(err == nil, "push: %v", err)
	later, err := c.Schedule(ctx, "go", htq.Get(sink), time.Now().Add(time.Hour))
	check(err == nil, "schedule: %v", err)
	t, err := c.GetTask(ctx, "go", later)
	check(err == nil && t.State == pb.TaskState_TASK_STATE_SCHEDULED, "get: %v %v", t, err)
	_, err = c.Cancel(ctx, "go", later)
	check(err == nil, "cancel: %v", err)
	_, err = c.GetTask(ctx, "go", later)
	check(status.Code(err) == codes.NotFound, "cancelled task: %v", err)
	kinds := map[string][]pb.EventKind{}
	for len(kinds[pushed]) < 3 || len(kinds[later]) < 2 {
		select {
		case e, ok := <-events:
			if !ok {
				check(false, "watch ended: %v", <-errs)
			}
			kinds[e.TaskId] = append(kinds[e.TaskId], e.Kind)
		case <-ctx.Done():
			check(false, "events: %v", kinds)
		}
	}
	want := []pb.EventKind{pb.EventKind_EVENT_KIND_PUSHED, pb.EventKind_EVENT_KIND_STARTED, pb.EventKind_EVENT_KIND_SUCCEEDED}
	check(fmt.Sprint(kinds[pushed]) == fmt.Sprint(want), "pushed events: %v", kinds[pushed])
	// Replay: a task that died on a 503 runs again (the caller counts the calls).
	_, err = c.CreateQueue(ctx, &pb.Queue{Name: "go-replay", Retry: &pb.RetryPolicy{MaxAttempts: 1}})
	check(err == nil, "create go-replay: %v", err)
	dead, err := c.Push(ctx, "go-replay", htq.Get(sink+"-fail"))
	check(err == nil, "push: %v", err)
	for {
		t, err := c.GetTask(ctx, "go-replay", dead)
		check(err == nil, "get: %v", err)
		if t.State == pb.TaskState_TASK_STATE_DEAD {
			break
		}
		check(ctx.Err() == nil, "the task never died")
		time.Sleep(50 * time.Millisecond)
	}
	r, err := c.Replay(ctx, "go-replay", htq.ReplayFilter{State: pb.TaskState_TASK_STATE_DEAD, LastStatus: 503})
	check(err == nil && r.Replayed == 1 && !r.More, "replay: %v %v", r, err)
	r, err = c.Replay(ctx, "go-replay", htq.ReplayFilter{LastStatus: 500})
	check(err == nil && r.Replayed == 0, "replay 500: %v %v", r, err)
	// A topic of two endpoints: one message reaches both (the caller checks).
	topic, err := c.CreateTopic(ctx, &pb.Topic{
		Name:               "go-topic",
		Endpoints:          []*pb.Endpoint{htq.Endpoint("one", sink+"-t1"), htq.Endpoint("two", sink+"-t2")},
		PauseAfterFailures: 5,
	})
	check(err == nil && len(topic.Endpoints) == 2 && topic.Endpoints[0].State == pb.EndpointState_ENDPOINT_STATE_ENABLED,
		"create topic: %v %v", topic, err)
	p, err := c.Publish(ctx, "go-topic", []byte("fan-out"))
	check(err == nil && len(p.Deliveries) == 2 && p.Deliveries[1].TaskId == p.MessageId, "publish: %v %v", p, err)
	_, err = c.AddEndpoint(ctx, "go-topic", htq.Endpoint("three", sink+"-t3"))
	check(err == nil, "add endpoint: %v", err)
	topic, err = c.RemoveEndpoint(ctx, "go-topic", "three")
	check(err == nil && len(topic.Endpoints) == 2, "remove endpoint: %v %v", topic, err)
	topics, err := c.ListTopics(ctx)
	check(err == nil && len(topics) == 1 && topics[0].Name == "go-topic", "list topics: %v %v", topics, err)
	// Callbacks: the success of a task is POSTed to the caller's sink.
	called, err := c.PushWithCallbacks(ctx, "go", htq.Get(sink+"-job"), htq.Callbacks(sink+"-cb", ""))
	check(err == nil, "push with callbacks: %v", err)
	fmt.Println("callback task " + called)
	bad, _ := htq.Dial(addr, "wrong")
	_, err = bad.CreateQueue(ctx, &pb.Queue{Name: "nope"})
	check(status.Code(err) == codes.Unauthenticated, "wrong token: %v", err)
	bad.Close()
	fmt.Println("ok: go client")
}
