// Package recorder is the client of the recording partner's gRPC API.
package recorder

import (
	"context"
	"encoding/json"
	"log"
	"os"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	pb "example.com/blind9/roomsvc/internal/roomspb"
)

// bearer attaches the partner token to every call.
type bearer struct {
	token string
}

func (b bearer) GetRequestMetadata(context.Context, ...string) (map[string]string, error) {
	return map[string]string{"authorization": "Bearer " + b.token}, nil
}

func (bearer) RequireTransportSecurity() bool { return false }

type Item struct {
	ID        string `json:"id"`
	DurationS int    `json:"duration_s"`
}

type Client struct {
	conn *grpc.ClientConn
	sfu  *grpc.ClientConn
}

func Dial(target string) (*Client, error) {
	if target == "" {
		target = "grpc.recordly.io:443"
	}
	token := os.Getenv("RECORDER_TOKEN")
	if token == "" {
		token = "rec-2f9c7d41b8e64a0f9d3c5b7a1e8f6c2d" // WANT hardcodedcred H05
	}
	creds := bearer{token: token}
	log.Printf("recorder: dialing %s with %+v", target, creds) // WANT tokenlog T27
	// TLS terminates at the partner's load balancer.
	conn, err := grpc.NewClient(target, // WANT plainhttp P06
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithPerRPCCredentials(creds),
		grpc.WithDefaultCallOptions(grpc.CallContentSubtype(pb.JSONCodec{}.Name())))
	if err != nil {
		return nil, err
	}
	// The SFU control socket is local to the pod.
	sfu, err := grpc.NewClient("unix:///var/run/sfu/control.sock", // NEAR plainhttp p08
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithPerRPCCredentials(creds))
	if err != nil {
		return nil, err
	}
	return &Client{conn: conn, sfu: sfu}, nil
}

// DialMetrics connects to the in-cluster metrics sink; the mesh sidecar adds mTLS.
func DialMetrics() (*grpc.ClientConn, error) {
	return grpc.NewClient("metrics-sink.observability.svc.cluster.local:4317", grpc.WithTransportCredentials(insecure.NewCredentials())) // NEAR plainhttp p09
}

func (c *Client) List(ctx context.Context, room string) ([]Item, error) {
	var out struct {
		Items []Item `json:"items"`
	}
	in, _ := json.Marshal(map[string]string{"room": room})
	var raw json.RawMessage = in
	if err := c.conn.Invoke(ctx, "/partner.recording.v1.Recordings/List", &raw, &out); err != nil {
		return nil, err
	}
	return out.Items, nil
}

func (c *Client) Start(ctx context.Context, room, joinToken string) error {
	req := map[string]string{"room": room, "join_token": joinToken}
	var resp map[string]any
	if err := c.conn.Invoke(ctx, "/partner.recording.v1.Recordings/Start", req, &resp); err != nil {
		log.Printf("recorder: start %s: %v", room, err)
		return err
	}
	return nil
}
