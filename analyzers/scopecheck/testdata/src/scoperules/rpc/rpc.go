// Package rpc serves two gRPC services: one behind a chain of
// interceptors given through a slice of options, one whose interceptor
// authorizes each full method name.
package rpc

import (
	"context"

	"blind/grpcsvc/pb"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

type keyStore struct{ keys map[string]string }

var ks = &keyStore{}

func (k *keyStore) hasRole(owner, role string) bool { return k.keys["role:"+owner] == role }

type callerKey struct{}

func apiKeyUnary(ctx context.Context, req interface{}, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (interface{}, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	keys := md.Get("x-api-key")
	if len(keys) == 0 {
		return nil, status.Error(codes.Unauthenticated, "no key")
	}
	owner, ok := ks.keys[keys[0]]
	if !ok {
		return nil, status.Error(codes.Unauthenticated, "bad key")
	}
	return handler(context.WithValue(ctx, callerKey{}, owner), req)
}

func logUnary(ctx context.Context, req interface{}, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (interface{}, error) {
	return handler(ctx, req)
}

var methodRoles = map[string]string{"/users.v1.UserService/DeleteUser": "admin"}

func roleUnary(ctx context.Context, req interface{}, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (interface{}, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	keys := md.Get("x-api-key")
	if len(keys) == 0 {
		return nil, status.Error(codes.Unauthenticated, "no key")
	}
	owner, ok := ks.keys[keys[0]]
	if !ok {
		return nil, status.Error(codes.Unauthenticated, "bad key")
	}
	if role := methodRoles[info.FullMethod]; role != "" && !ks.hasRole(owner, role) {
		return nil, status.Error(codes.PermissionDenied, "role")
	}
	return handler(ctx, req)
}

type profiles struct{ rows map[string]*pb.Profile }

type Users struct {
	pb.UnimplementedUserServiceServer
	db *profiles
}

func (u *Users) DeleteUser(ctx context.Context, req *pb.DeleteUserRequest) (*pb.Empty, error) { // POS:rules-grpc-chain
	delete(u.db.rows, req.GetId())
	return &pb.Empty{}, nil
}

func (u *Users) GetProfile(ctx context.Context, req *pb.GetProfileRequest) (*pb.Profile, error) { // NEG: the caller's own profile
	owner, _ := ctx.Value(callerKey{}).(string)
	return u.db.rows[owner], nil
}

func (u *Users) WatchAll(req *pb.WatchRequest, stream pb.UserService_WatchAllServer) error { // NEG: no stream interceptor authenticates
	for _, p := range u.db.rows {
		stream.Send(p)
	}
	return nil
}

// NewUsers returns the service as its interface.
func NewUsers(db *profiles) pb.UserServiceServer {
	if db == nil {
		db = &profiles{}
	}
	return &Users{db: db}
}

type Admin struct {
	pb.UnimplementedUserServiceServer
	db *profiles
}

func (a *Admin) DeleteUser(ctx context.Context, req *pb.DeleteUserRequest) (*pb.Empty, error) { // NEG: the interceptor checks roles per method
	delete(a.db.rows, req.GetId())
	return &pb.Empty{}, nil
}

func Serve(db *profiles) (*grpc.Server, *grpc.Server) {
	opts := []grpc.ServerOption{grpc.ChainUnaryInterceptor(logUnary, apiKeyUnary)}
	users := grpc.NewServer(opts...)
	pb.RegisterUserServiceServer(users, NewUsers(db))
	admin := grpc.NewServer(grpc.UnaryInterceptor(roleUnary))
	pb.RegisterUserServiceServer(admin, &Admin{db: db})
	return users, admin
}
