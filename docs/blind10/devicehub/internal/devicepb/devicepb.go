// Package devicepb is the DeviceService API. Devices speak gRPC with a JSON codec (the firmware
// has no protobuf runtime), so the service description is written by hand.
package devicepb

import (
	"context"
	"encoding/json"

	"google.golang.org/grpc"
	"google.golang.org/grpc/encoding"
)

const ServiceName = "devicehub.v1.DeviceService"

type HeartbeatRequest struct {
	Firmware string `json:"firmware"`
	UptimeS  int64  `json:"uptime_s"`
}
type TelemetryRequest struct {
	DeviceID string             `json:"device_id"`
	Metrics  map[string]float64 `json:"metrics"`
}
type FirmwareRequest struct {
	FleetID string `json:"fleet_id"`
	Version string `json:"version"`
}
type DecommissionRequest struct {
	DeviceID string `json:"device_id"`
}
type StreamCommandsRequest struct {
	DeviceID string `json:"device_id"`
}
type WatchFleetRequest struct {
	FleetID string `json:"fleet_id"`
}
type Command struct {
	ID   string          `json:"id"`
	Name string          `json:"name"`
	Args json.RawMessage `json:"args,omitempty"`
}
type Event struct {
	DeviceID string `json:"device_id"`
	Kind     string `json:"kind"`
	At       int64  `json:"at"`
}
type Ack struct {
	OK bool `json:"ok"`
}

type DeviceServiceServer interface {
	Heartbeat(context.Context, *HeartbeatRequest) (*Ack, error)
	ReportTelemetry(context.Context, *TelemetryRequest) (*Ack, error)
	UpdateFirmware(context.Context, *FirmwareRequest) (*Ack, error)
	Decommission(context.Context, *DecommissionRequest) (*Ack, error)
	StreamCommands(*StreamCommandsRequest, grpc.ServerStream) error
	WatchFleet(*WatchFleetRequest, grpc.ServerStream) error
}

func unary[Req any](name string, call func(DeviceServiceServer, context.Context, *Req) (*Ack, error)) grpc.MethodDesc {
	return grpc.MethodDesc{MethodName: name, Handler: func(srv any, ctx context.Context, dec func(any) error, ic grpc.UnaryServerInterceptor) (any, error) {
		in := new(Req)
		if err := dec(in); err != nil {
			return nil, err
		}
		h := func(ctx context.Context, req any) (any, error) {
			return call(srv.(DeviceServiceServer), ctx, req.(*Req))
		}
		if ic == nil {
			return h(ctx, in)
		}
		return ic(ctx, in, &grpc.UnaryServerInfo{Server: srv, FullMethod: "/" + ServiceName + "/" + name}, h)
	}}
}

func serverStream[Req any](name string, call func(DeviceServiceServer, *Req, grpc.ServerStream) error) grpc.StreamDesc {
	return grpc.StreamDesc{StreamName: name, ServerStreams: true, Handler: func(srv any, stream grpc.ServerStream) error {
		in := new(Req)
		if err := stream.RecvMsg(in); err != nil {
			return err
		}
		return call(srv.(DeviceServiceServer), in, stream)
	}}
}

var ServiceDesc = grpc.ServiceDesc{
	ServiceName: ServiceName,
	HandlerType: (*DeviceServiceServer)(nil),
	Methods: []grpc.MethodDesc{
		unary("Heartbeat", DeviceServiceServer.Heartbeat),
		unary("ReportTelemetry", DeviceServiceServer.ReportTelemetry),
		unary("UpdateFirmware", DeviceServiceServer.UpdateFirmware),
		unary("Decommission", DeviceServiceServer.Decommission),
	},
	Streams: []grpc.StreamDesc{
		serverStream("StreamCommands", DeviceServiceServer.StreamCommands),
		serverStream("WatchFleet", DeviceServiceServer.WatchFleet),
	},
}

func RegisterDeviceServiceServer(s grpc.ServiceRegistrar, srv DeviceServiceServer) {
	s.RegisterService(&ServiceDesc, srv)
}

type jsonCodec struct{}

func (jsonCodec) Marshal(v any) ([]byte, error)      { return json.Marshal(v) }
func (jsonCodec) Unmarshal(data []byte, v any) error { return json.Unmarshal(data, v) }
func (jsonCodec) Name() string                       { return "json" }

func init() { encoding.RegisterCodec(jsonCodec{}) }
