// Package pb holds the device service's messages and service descriptor (hand-written in the shape
// protoc-gen-go-grpc generates; the messages use a JSON codec registered by the server).
package pb

import (
	"context"

	"google.golang.org/grpc"
)

type GetDeviceRequest struct{ Id string }

func (r *GetDeviceRequest) GetId() string {
	if r == nil {
		return ""
	}
	return r.Id
}

type Device struct {
	Id       string
	TenantId string
	Firmware string
	Locked   bool
}

type DecommissionRequest struct{ Id string }

func (r *DecommissionRequest) GetId() string {
	if r == nil {
		return ""
	}
	return r.Id
}

type RebootRequest struct{ Id string }

func (r *RebootRequest) GetId() string {
	if r == nil {
		return ""
	}
	return r.Id
}

type FirmwareRequest struct {
	Id      string
	Version string
}

type TelemetryRequest struct{ DeviceId string }

type TelemetryPoint struct {
	DeviceId string
	Metric   string
	Value    float64
}

type ConfigChunk struct {
	DeviceId string
	Data     []byte
}

type Empty struct{}

type DeviceServiceServer interface {
	GetDevice(context.Context, *GetDeviceRequest) (*Device, error)
	Decommission(context.Context, *DecommissionRequest) (*Empty, error)
	Reboot(context.Context, *RebootRequest) (*Empty, error)
	UpdateFirmware(context.Context, *FirmwareRequest) (*Empty, error)
	StreamTelemetry(*TelemetryRequest, grpc.ServerStreamingServer[TelemetryPoint]) error
	PushConfig(grpc.ClientStreamingServer[ConfigChunk, Empty]) error
}

func unary[Req any](call func(DeviceServiceServer, context.Context, *Req) (any, error), name string) grpc.MethodHandler {
	return func(srv any, ctx context.Context, dec func(any) error, interceptor grpc.UnaryServerInterceptor) (any, error) {
		in := new(Req)
		if err := dec(in); err != nil {
			return nil, err
		}
		if interceptor == nil {
			return call(srv.(DeviceServiceServer), ctx, in)
		}
		info := &grpc.UnaryServerInfo{Server: srv, FullMethod: "/fleet.v1.DeviceService/" + name}
		return interceptor(ctx, in, info, func(ctx context.Context, req any) (any, error) {
			return call(srv.(DeviceServiceServer), ctx, req.(*Req))
		})
	}
}

var DeviceService_ServiceDesc = grpc.ServiceDesc{
	ServiceName: "fleet.v1.DeviceService",
	HandlerType: (*DeviceServiceServer)(nil),
	Methods: []grpc.MethodDesc{
		{MethodName: "GetDevice", Handler: unary(func(s DeviceServiceServer, ctx context.Context, r *GetDeviceRequest) (any, error) {
			return s.GetDevice(ctx, r)
		}, "GetDevice")},
		{MethodName: "Decommission", Handler: unary(func(s DeviceServiceServer, ctx context.Context, r *DecommissionRequest) (any, error) {
			return s.Decommission(ctx, r)
		}, "Decommission")},
		{MethodName: "Reboot", Handler: unary(func(s DeviceServiceServer, ctx context.Context, r *RebootRequest) (any, error) {
			return s.Reboot(ctx, r)
		}, "Reboot")},
		{MethodName: "UpdateFirmware", Handler: unary(func(s DeviceServiceServer, ctx context.Context, r *FirmwareRequest) (any, error) {
			return s.UpdateFirmware(ctx, r)
		}, "UpdateFirmware")},
	},
	Streams: []grpc.StreamDesc{
		{StreamName: "StreamTelemetry", ServerStreams: true, Handler: func(srv any, stream grpc.ServerStream) error {
			m := new(TelemetryRequest)
			if err := stream.RecvMsg(m); err != nil {
				return err
			}
			return srv.(DeviceServiceServer).StreamTelemetry(m, &grpc.GenericServerStream[TelemetryRequest, TelemetryPoint]{ServerStream: stream})
		}},
		{StreamName: "PushConfig", ClientStreams: true, Handler: func(srv any, stream grpc.ServerStream) error {
			return srv.(DeviceServiceServer).PushConfig(&grpc.GenericServerStream[ConfigChunk, Empty]{ServerStream: stream})
		}},
	},
}

func RegisterDeviceServiceServer(s grpc.ServiceRegistrar, srv DeviceServiceServer) {
	s.RegisterService(&DeviceService_ServiceDesc, srv)
}
