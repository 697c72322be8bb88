// Package rpc is the device gRPC API.
package rpc

import (
	"context"
	"io"
	"log/slog"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"example.com/blind6/fleetd/internal/devices"
	"example.com/blind6/fleetd/internal/pb"
)

type DeviceServer struct {
	Registry *devices.Registry
	Log      *slog.Logger
}

func logging(log *slog.Logger) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		start := time.Now()
		resp, err := handler(ctx, req)
		log.Info("rpc", "method", info.FullMethod, "took", time.Since(start), "err", err)
		return resp, err
	}
}

func NewServer(auth *Authenticator, ds *DeviceServer) *grpc.Server {
	s := grpc.NewServer(
		grpc.ChainUnaryInterceptor(logging(ds.Log), auth.Unary),
		grpc.StreamInterceptor(auth.Stream),
	)
	pb.RegisterDeviceServiceServer(s, ds)
	return s
}

func (s *DeviceServer) GetDevice(ctx context.Context, req *pb.GetDeviceRequest) (*pb.Device, error) { // NEAR scopecheck s43
	d, err := s.Registry.Get(ctx, req.GetId())
	if err != nil || d.TenantID != principalFrom(ctx).TenantID {
		return nil, status.Error(codes.NotFound, "no such device")
	}
	return &pb.Device{Id: d.ID, TenantId: d.TenantID, Firmware: d.Firmware, Locked: d.Locked}, nil
}

// Decommission retires any tenant's device.
func (s *DeviceServer) Decommission(ctx context.Context, req *pb.DecommissionRequest) (*pb.Empty, error) { // WANT scopecheck S23
	if err := s.Registry.Decommission(ctx, req.GetId()); err != nil {
		return nil, status.Error(codes.Internal, "decommission failed")
	}
	return &pb.Empty{}, nil
}

// Reboot logs who asked, then reboots whatever device was named.
func (s *DeviceServer) Reboot(ctx context.Context, req *pb.RebootRequest) (*pb.Empty, error) { // WANT scopecheck S24
	p := principalFrom(ctx)
	s.Log.Info("reboot requested", "by", p.Subject, "device", req.GetId())
	if err := s.Registry.Command(ctx, req.GetId(), "reboot", ""); err != nil {
		return nil, status.Error(codes.Internal, "queue failed")
	}
	return &pb.Empty{}, nil
}

func (s *DeviceServer) UpdateFirmware(ctx context.Context, req *pb.FirmwareRequest) (*pb.Empty, error) { // NEAR scopecheck s44
	if !principalFrom(ctx).HasScope("firmware:write") {
		return nil, status.Error(codes.PermissionDenied, "firmware:write required")
	}
	if err := s.Registry.Command(ctx, req.Id, "firmware", req.Version); err != nil {
		return nil, status.Error(codes.Internal, "queue failed")
	}
	return &pb.Empty{}, nil
}

// StreamTelemetry streams the telemetry of any device to any caller.
func (s *DeviceServer) StreamTelemetry(req *pb.TelemetryRequest, stream grpc.ServerStreamingServer[pb.TelemetryPoint]) error { // WANT scopecheck S25
	pts, err := s.Registry.Telemetry(stream.Context(), req.DeviceId)
	if err != nil {
		return status.Error(codes.Internal, "telemetry")
	}
	for _, p := range pts {
		if err := stream.Send(&pb.TelemetryPoint{DeviceId: req.DeviceId, Metric: p.Metric, Value: p.Value}); err != nil {
			return err
		}
	}
	return nil
}

func (s *DeviceServer) PushConfig(stream grpc.ClientStreamingServer[pb.ConfigChunk, pb.Empty]) error { // NEAR scopecheck s45
	if err := requireRole(stream.Context(), "operator"); err != nil {
		return err
	}
	for {
		chunk, err := stream.Recv()
		if err == io.EOF {
			return stream.SendAndClose(&pb.Empty{})
		}
		if err != nil {
			return err
		}
		if err := s.Registry.Command(stream.Context(), chunk.DeviceId, "config", string(chunk.Data)); err != nil {
			return status.Error(codes.Internal, "queue failed")
		}
	}
}
