// Package grpc is a stub of google.golang.org/grpc for tests.
package grpc

import "context"

type UnaryServerInfo struct {
	Server     interface{}
	FullMethod string
}

type UnaryHandler func(ctx context.Context, req interface{}) (interface{}, error)

type UnaryServerInterceptor func(ctx context.Context, req interface{}, info *UnaryServerInfo, handler UnaryHandler) (resp interface{}, err error)

type ServerStream interface {
	Context() context.Context
	SendMsg(m interface{}) error
	RecvMsg(m interface{}) error
}

type StreamServerInfo struct {
	FullMethod     string
	IsClientStream bool
	IsServerStream bool
}

type StreamHandler func(srv interface{}, stream ServerStream) error

type StreamServerInterceptor func(srv interface{}, ss ServerStream, info *StreamServerInfo, handler StreamHandler) error

type ServerOption interface{ apply() }

type opt struct{}

func (opt) apply() {}

func UnaryInterceptor(i UnaryServerInterceptor) ServerOption            { return opt{} }
func StreamInterceptor(i StreamServerInterceptor) ServerOption          { return opt{} }
func ChainUnaryInterceptor(is ...UnaryServerInterceptor) ServerOption   { return opt{} }
func ChainStreamInterceptor(is ...StreamServerInterceptor) ServerOption { return opt{} }

type ServiceDesc struct {
	ServiceName string
	HandlerType interface{}
}

type ServiceRegistrar interface {
	RegisterService(desc *ServiceDesc, impl interface{})
}

type Server struct{}

func NewServer(opts ...ServerOption) *Server                          { return &Server{} }
func (s *Server) RegisterService(desc *ServiceDesc, impl interface{}) {}
