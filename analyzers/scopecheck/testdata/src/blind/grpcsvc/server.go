// Package grpcsvc is a gRPC user service: an interceptor authenticates
// the bearer token of the metadata; the methods of the server struct
// are the handlers.
package grpcsvc

import (
	"context"
	"strings"

	"blind/grpcsvc/pb"

	"github.com/golang-jwt/jwt/v5"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

type Claims struct {
	jwt.RegisteredClaims
	Roles []string `json:"roles"`
}

type claimsKey struct{}

var jwtKey = []byte("cfg")

func claimsFrom(ctx context.Context) *Claims {
	c, _ := ctx.Value(claimsKey{}).(*Claims)
	return c
}

func authenticate(ctx context.Context) (*Claims, error) {
	md, ok := metadata.FromIncomingContext(ctx)
	if !ok {
		return nil, status.Error(codes.Unauthenticated, "no metadata")
	}
	vals := md.Get("authorization")
	if len(vals) == 0 {
		return nil, status.Error(codes.Unauthenticated, "no token")
	}
	c := &Claims{}
	if _, err := jwt.ParseWithClaims(strings.TrimPrefix(vals[0], "Bearer "), c, func(*jwt.Token) (interface{}, error) { return jwtKey, nil }); err != nil {
		return nil, status.Error(codes.Unauthenticated, "bad token")
	}
	return c, nil
}

func AuthUnary(ctx context.Context, req interface{}, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (interface{}, error) {
	c, err := authenticate(ctx)
	if err != nil {
		return nil, err
	}
	return handler(context.WithValue(ctx, claimsKey{}, c), req)
}

type wrappedStream struct {
	grpc.ServerStream
	ctx context.Context
}

func (w *wrappedStream) Context() context.Context { return w.ctx }

func AuthStream(srv interface{}, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
	c, err := authenticate(ss.Context())
	if err != nil {
		return err
	}
	return handler(srv, &wrappedStream{ss, context.WithValue(ss.Context(), claimsKey{}, c)})
}

type userDB struct {
	rows map[string]*pb.Profile
}

type UserServer struct {
	pb.UnimplementedUserServiceServer
	db *userDB
}

func (s *UserServer) DeleteUser(ctx context.Context, req *pb.DeleteUserRequest) (*pb.Empty, error) { // POS:grpc-delete
	delete(s.db.rows, req.GetId())
	return &pb.Empty{}, nil
}

func (s *UserServer) GetProfile(ctx context.Context, req *pb.GetProfileRequest) (*pb.Profile, error) { // NEG: own profile
	c := claimsFrom(ctx)
	p, ok := s.db.rows[c.Subject]
	if !ok {
		return nil, status.Error(codes.NotFound, "no profile")
	}
	return p, nil
}

func (s *UserServer) PurgeInactive(ctx context.Context, _ *pb.Empty) (*pb.Empty, error) { // NEG: role check
	c := claimsFrom(ctx)
	admin := false
	for _, r := range c.Roles {
		if r == "admin" {
			admin = true
		}
	}
	if !admin {
		return nil, status.Error(codes.PermissionDenied, "admin only")
	}
	s.db.rows = map[string]*pb.Profile{}
	return &pb.Empty{}, nil
}

func (s *UserServer) WatchAll(req *pb.WatchRequest, stream pb.UserService_WatchAllServer) error { // POS:grpc-stream
	for _, p := range s.db.rows {
		if err := stream.Send(p); err != nil {
			return err
		}
	}
	return nil
}

func NewGRPCServer(db *userDB) *grpc.Server {
	srv := grpc.NewServer(grpc.UnaryInterceptor(AuthUnary), grpc.StreamInterceptor(AuthStream))
	pb.RegisterUserServiceServer(srv, &UserServer{db: db})
	return srv
}
