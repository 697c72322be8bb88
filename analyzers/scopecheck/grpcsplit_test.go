package scopecheck_test

import (
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"
)

// grpcSplitTree is a module whose gRPC services live in packages of
// their own, registered by main packages with the interceptors of a
// third package: the usual layout of a generated service. svc's
// methods are judged by their facts where main registers them.
var grpcSplitTree = map[string]string{
	"go.mod": "module example.com/dev\n\ngo 1.22\n\nrequire google.golang.org/grpc v0.0.0\n\nreplace google.golang.org/grpc => ./grpcstub\n",
	"pb/pb.go": `package pb

import (
	"context"

	"google.golang.org/grpc"
)

type DeviceRequest struct{ DeviceID string }
type FleetRequest struct{ FleetID string }
type Ack struct{ OK bool }

type DeviceServer interface {
	Decommission(context.Context, *DeviceRequest) (*Ack, error)
	Rename(context.Context, *DeviceRequest) (*Ack, error)
	PurgeFleet(context.Context, *FleetRequest) (*Ack, error)
	Ping(context.Context, *Ack) (*Ack, error)
	WatchFleet(*FleetRequest, grpc.ServerStream) error
}

type UnimplementedDeviceServer struct{}

func (UnimplementedDeviceServer) Decommission(context.Context, *DeviceRequest) (*Ack, error) { return nil, nil }
func (UnimplementedDeviceServer) Rename(context.Context, *DeviceRequest) (*Ack, error)       { return nil, nil }
func (UnimplementedDeviceServer) PurgeFleet(context.Context, *FleetRequest) (*Ack, error)    { return nil, nil }
func (UnimplementedDeviceServer) Ping(context.Context, *Ack) (*Ack, error)                   { return nil, nil }
func (UnimplementedDeviceServer) WatchFleet(*FleetRequest, grpc.ServerStream) error          { return nil }

var DeviceServiceDesc = grpc.ServiceDesc{ServiceName: "dev.Device", HandlerType: (*DeviceServer)(nil)}

func RegisterDeviceServer(s grpc.ServiceRegistrar, srv DeviceServer) { s.RegisterService(&DeviceServiceDesc, srv) }
`,
	"store/store.go": `package store

type Device struct{ ID, Owner, Name string }

var devices = map[string]*Device{}
var keys = map[string]string{}

func Get(id string) *Device      { return devices[id] }
func Delete(id string)           { delete(devices, id) }
func Owner(key string) (string, bool) { o, ok := keys[key]; return o, ok }
`,
	"auth/auth.go": `package auth

import (
	"context"

	"example.com/dev/store"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

type Principal struct {
	Owner string
	Roles []string
}

func (p *Principal) HasRole(r string) bool {
	for _, x := range p.Roles {
		if x == r {
			return true
		}
	}
	return false
}

type key struct{}

func From(ctx context.Context) *Principal { p, _ := ctx.Value(key{}).(*Principal); return p }

func authenticate(ctx context.Context) (context.Context, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	vals := md.Get("x-api-key")
	if len(vals) == 0 {
		return nil, status.Error(codes.Unauthenticated, "no key")
	}
	owner, ok := store.Owner(vals[0])
	if !ok {
		return nil, status.Error(codes.Unauthenticated, "bad key")
	}
	return context.WithValue(ctx, key{}, &Principal{Owner: owner}), nil
}

func Unary(ctx context.Context, req interface{}, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (interface{}, error) {
	ctx, err := authenticate(ctx)
	if err != nil {
		return nil, err
	}
	return h(ctx, req)
}

type stream struct {
	grpc.ServerStream
	ctx context.Context
}

func (s stream) Context() context.Context { return s.ctx }

func Stream(srv interface{}, ss grpc.ServerStream, info *grpc.StreamServerInfo, h grpc.StreamHandler) error {
	ctx, err := authenticate(ss.Context())
	if err != nil {
		return err
	}
	return h(srv, stream{ss, ctx})
}

func RequireAdmin(ctx context.Context, req interface{}, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (interface{}, error) {
	if p := From(ctx); p == nil || !p.HasRole("admin") {
		return nil, status.Error(codes.PermissionDenied, "admins only")
	}
	return h(ctx, req)
}
`,
	"svc/svc.go": `package svc

import (
	"context"

	"example.com/dev/auth"
	"example.com/dev/pb"
	"example.com/dev/store"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

type Service struct{ pb.UnimplementedDeviceServer }

func New() *Service { return &Service{} }

// Decommission deletes the device the request names, whoever owns it.
func (s *Service) Decommission(ctx context.Context, req *pb.DeviceRequest) (*pb.Ack, error) {
	store.Delete(req.DeviceID)
	return &pb.Ack{OK: true}, nil
}

// Rename acts on the caller's own device only.
func (s *Service) Rename(ctx context.Context, req *pb.DeviceRequest) (*pb.Ack, error) {
	d := store.Get(req.DeviceID)
	if d == nil || d.Owner != auth.From(ctx).Owner {
		return nil, status.Error(codes.NotFound, "no such device")
	}
	d.Name = "renamed"
	return &pb.Ack{OK: true}, nil
}

// PurgeFleet checks a role first.
func (s *Service) PurgeFleet(ctx context.Context, req *pb.FleetRequest) (*pb.Ack, error) {
	if !auth.From(ctx).HasRole("fleet-admin") {
		return nil, status.Error(codes.PermissionDenied, "fleet admins only")
	}
	store.Delete(req.FleetID)
	return &pb.Ack{OK: true}, nil
}

// Ping does no work.
func (s *Service) Ping(ctx context.Context, in *pb.Ack) (*pb.Ack, error) { return in, nil }

// WatchFleet streams any fleet's devices.
func (s *Service) WatchFleet(req *pb.FleetRequest, ss grpc.ServerStream) error {
	return ss.SendMsg(store.Get(req.FleetID))
}
`,
	"cmd/server/main.go": `package main

import (
	"example.com/dev/auth"
	"example.com/dev/pb"
	"example.com/dev/svc"
	"google.golang.org/grpc"
)

func main() {
	gs := grpc.NewServer(grpc.UnaryInterceptor(auth.Unary), grpc.StreamInterceptor(auth.Stream))
	pb.RegisterDeviceServer(gs, svc.New())
}
`,
	"cmd/admin/main.go": `package main

import (
	"example.com/dev/auth"
	"example.com/dev/pb"
	"example.com/dev/svc"
	"google.golang.org/grpc"
)

// The admin listener authorizes every unary call.
func main() {
	gs := grpc.NewServer(grpc.ChainUnaryInterceptor(auth.Unary, auth.RequireAdmin))
	pb.RegisterDeviceServer(gs, &svc.Service{})
}
`,
	"cmd/open/main.go": `package main

import (
	"example.com/dev/pb"
	"example.com/dev/svc"
	"google.golang.org/grpc"
)

// No interceptor authenticates: a public listener, not a missing scope.
func main() {
	gs := grpc.NewServer()
	pb.RegisterDeviceServer(gs, svc.New())
}
`,
}

// TestGRPCServiceOfAnotherPackage checks that the methods of a service
// registered by another package are judged by their facts and reported
// at their declarations: the unary method and the streaming one that act
// on any resource. Not reported: the method scoped to the caller, the
// one checking a role, the one doing no work, and every method of the
// admin listener (an interceptor authorizes its unary calls, none
// authenticates its streams) and of the open one (no interceptor
// authenticates).
func TestGRPCServiceOfAnotherPackage(t *testing.T) {
	tree := map[string]string{"grpcstub/go.mod": "module google.golang.org/grpc\n\ngo 1.22\n"}
	for k, v := range grpcSplitTree {
		tree[k] = v
	}
	stub := filepath.Join("testdata", "src", "google.golang.org", "grpc")
	for _, f := range []string{"grpc.go", "metadata/metadata.go", "status/status.go", "codes/codes.go"} {
		b, err := os.ReadFile(filepath.Join(stub, f))
		if err != nil {
			t.Fatal(err)
		}
		tree["grpcstub/"+f] = string(b)
	}
	dir := writeTree(t, tree)
	for _, tc := range []struct {
		patterns []string
		want     []string
	}{
		{[]string{"./..."}, []string{"scopecheck/route svc/svc.go:19:19", "scopecheck/route svc/svc.go:47:19"}},
		{[]string{"./cmd/admin", "./svc", "./auth", "./pb", "./store"}, nil},
		{[]string{"./cmd/open", "./svc", "./auth", "./pb", "./store"}, nil},
	} {
		got := lintFindings(t, dir, tc.patterns...)
		sort.Strings(got)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("lint %v:\n got %q\nwant %q", tc.patterns, got, tc.want)
		}
	}
}
