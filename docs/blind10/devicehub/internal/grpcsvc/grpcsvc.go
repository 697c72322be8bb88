// Package grpcsvc implements DeviceService and the gRPC clients devicehub uses.
package grpcsvc

import (
	"context"
	"encoding/json"
	"log"
	"sync"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	"example.com/blind10/devicehub/internal/auth"
	"example.com/blind10/devicehub/internal/devicepb"
	"example.com/blind10/devicehub/internal/registry"
)

// hub fans commands out to device streams and events out to fleet watchers.
type hub struct {
	mu       sync.Mutex
	commands map[string][]chan devicepb.Command
	events   map[string][]chan devicepb.Event
}

func sub[T any](mu *sync.Mutex, m map[string][]chan T, key string) chan T {
	ch := make(chan T, 16)
	mu.Lock()
	m[key] = append(m[key], ch)
	mu.Unlock()
	return ch
}

func pub[T any](mu *sync.Mutex, m map[string][]chan T, key string, v T) {
	mu.Lock()
	defer mu.Unlock()
	for _, ch := range m[key] {
		select {
		case ch <- v:
		default: // slow consumer: drop
		}
	}
}

type Service struct {
	reg *registry.Registry
	hub hub
}

func New(reg *registry.Registry) *Service {
	return &Service{reg: reg, hub: hub{commands: map[string][]chan devicepb.Command{}, events: map[string][]chan devicepb.Event{}}}
}

func (s *Service) event(d registry.Device, kind string) {
	pub(&s.hub.mu, s.hub.events, d.FleetID, devicepb.Event{DeviceID: d.ID, Kind: kind, At: time.Now().Unix()})
}

func (s *Service) Heartbeat(ctx context.Context, req *devicepb.HeartbeatRequest) (*devicepb.Ack, error) { // NEAR scopecheck s29
	p := auth.FromContext(ctx)
	if p == nil || p.Kind != "device" {
		return nil, status.Error(codes.PermissionDenied, "devices only")
	}
	err := s.reg.Update(p.DeviceID, func(d *registry.Device) { d.Firmware, d.LastSeen = req.Firmware, time.Now() })
	if err != nil {
		return nil, status.Error(codes.NotFound, "unknown device")
	}
	return &devicepb.Ack{OK: true}, nil
}

func (s *Service) ReportTelemetry(ctx context.Context, req *devicepb.TelemetryRequest) (*devicepb.Ack, error) { // WANT scopecheck S15
	err := s.reg.Update(req.DeviceID, func(d *registry.Device) { d.Telemetry, d.LastSeen = req.Metrics, time.Now() })
	if err != nil {
		return nil, status.Error(codes.NotFound, "unknown device")
	}
	return &devicepb.Ack{OK: true}, nil
}

func (s *Service) UpdateFirmware(ctx context.Context, req *devicepb.FirmwareRequest) (*devicepb.Ack, error) { // NEAR scopecheck s30
	p := auth.FromContext(ctx)
	if p == nil || !p.HasRole("fleet-admin") || !p.InFleet(req.FleetID) {
		return nil, status.Error(codes.PermissionDenied, "fleet-admin of the fleet required")
	}
	args, _ := json.Marshal(map[string]string{"version": req.Version})
	for _, d := range s.reg.FleetDevices(req.FleetID) {
		pub(&s.hub.mu, s.hub.commands, d.ID, devicepb.Command{ID: d.ID + "-ota-" + req.Version, Name: "ota", Args: args})
	}
	return &devicepb.Ack{OK: true}, nil
}

func (s *Service) Decommission(ctx context.Context, req *devicepb.DecommissionRequest) (*devicepb.Ack, error) { // WANT scopecheck S16
	var dev registry.Device
	err := s.reg.Update(req.DeviceID, func(d *registry.Device) { d.Decommission, d.TokenEpoch = true, d.TokenEpoch+1; dev = *d })
	if err != nil {
		return nil, status.Error(codes.NotFound, "unknown device")
	}
	s.event(dev, "decommissioned")
	log.Printf("device %s decommissioned", req.DeviceID)
	return &devicepb.Ack{OK: true}, nil
}

func (s *Service) StreamCommands(req *devicepb.StreamCommandsRequest, stream grpc.ServerStream) error { // NEAR scopecheck s31
	p := auth.FromContext(stream.Context())
	if p == nil || !p.IsDevice(req.DeviceID) {
		return status.Error(codes.PermissionDenied, "a device may only read its own commands")
	}
	ch := sub(&s.hub.mu, s.hub.commands, req.DeviceID)
	for {
		select {
		case <-stream.Context().Done():
			return nil
		case cmd := <-ch:
			if err := stream.SendMsg(&cmd); err != nil {
				return err
			}
		}
	}
}

func (s *Service) WatchFleet(req *devicepb.WatchFleetRequest, stream grpc.ServerStream) error { // WANT scopecheck S17
	ch := sub(&s.hub.mu, s.hub.events, req.FleetID)
	for {
		select {
		case <-stream.Context().Done():
			return nil
		case ev := <-ch:
			if err := stream.SendMsg(&ev); err != nil {
				return err
			}
		}
	}
}

// LogUnary logs every call with its request id.
func LogUnary(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
	start := time.Now()
	resp, err := h(ctx, req)
	md, _ := metadata.FromIncomingContext(ctx)
	log.Printf("grpc %s request_id=%v took=%s err=%v", info.FullMethod, md.Get("x-request-id"), time.Since(start), err) // NEAR tokenlog t13
	return resp, err
}

type bearer struct{ token string }

func (b bearer) GetRequestMetadata(context.Context, ...string) (map[string]string, error) {
	return map[string]string{"authorization": "Bearer " + b.token}, nil
}
func (b bearer) RequireTransportSecurity() bool { return false }

// DialTwinSync connects to the cloud digital-twin service. TLS is terminated by its load
// balancer's sidecar, which the cloud team says makes transport security here redundant.
func DialTwinSync(addr, token string) (*grpc.ClientConn, error) {
	return grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()), grpc.WithPerRPCCredentials(bearer{token})) // WANT plainhttp P06
}

// DialAgent connects to the update agent that runs on every gateway host.
func DialAgent(token string) (*grpc.ClientConn, error) {
	return grpc.NewClient("localhost:7443", grpc.WithTransportCredentials(insecure.NewCredentials()), grpc.WithPerRPCCredentials(bearer{token})) // NEAR plainhttp p06
}
