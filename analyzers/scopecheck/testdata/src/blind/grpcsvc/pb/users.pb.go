// Package pb is generated-style code of a user service.
package pb

import (
	"context"

	"google.golang.org/grpc"
)

type DeleteUserRequest struct{ Id string }

func (x *DeleteUserRequest) GetId() string { return x.Id }

type GetProfileRequest struct{}

type Profile struct{ Id, Name string }

type Empty struct{}

type WatchRequest struct{}

type UserServiceServer interface {
	DeleteUser(context.Context, *DeleteUserRequest) (*Empty, error)
	GetProfile(context.Context, *GetProfileRequest) (*Profile, error)
	PurgeInactive(context.Context, *Empty) (*Empty, error)
	WatchAll(*WatchRequest, UserService_WatchAllServer) error
}

type UserService_WatchAllServer interface {
	Send(*Profile) error
	grpc.ServerStream
}

type UnimplementedUserServiceServer struct{}

func (UnimplementedUserServiceServer) DeleteUser(context.Context, *DeleteUserRequest) (*Empty, error) {
	return nil, nil
}
func (UnimplementedUserServiceServer) GetProfile(context.Context, *GetProfileRequest) (*Profile, error) {
	return nil, nil
}
func (UnimplementedUserServiceServer) PurgeInactive(context.Context, *Empty) (*Empty, error) {
	return nil, nil
}
func (UnimplementedUserServiceServer) WatchAll(*WatchRequest, UserService_WatchAllServer) error {
	return nil
}

var UserService_ServiceDesc = grpc.ServiceDesc{
	ServiceName: "users.v1.UserService",
	HandlerType: (*UserServiceServer)(nil),
}

func RegisterUserServiceServer(s grpc.ServiceRegistrar, srv UserServiceServer) {
	s.RegisterService(&UserService_ServiceDesc, srv)
}
