// Package selfdial serves HTTP in front of its own gRPC server.
package selfdial

import (
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"os"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
)

// Gateway dials the process's own TLS gRPC endpoint on localhost.
func Gateway(endpoint string) (*grpc.ClientConn, error) {
	opts := []grpc.DialOption{}
	opts = append(opts, grpc.WithTransportCredentials(credentials.NewTLS(&tls.Config{InsecureSkipVerify: true})))
	_, port, err := net.SplitHostPort(endpoint)
	if err != nil {
		return nil, err
	}
	target := fmt.Sprintf("localhost:%s", port)
	return grpc.NewClient(target, opts...)
}

// Gateway2 writes the target inline.
func Gateway2(port string) (*grpc.ClientConn, error) {
	creds := grpc.WithTransportCredentials(credentials.NewTLS(&tls.Config{InsecureSkipVerify: true}))
	return grpc.Dial(net.JoinHostPort("127.0.0.1", port), creds)
}

// Near miss: the target comes from the environment.
func Remote() (*grpc.ClientConn, error) {
	creds := grpc.WithTransportCredentials(credentials.NewTLS(&tls.Config{InsecureSkipVerify: true})) // want `InsecureSkipVerify to true: the server's certificate`
	return grpc.NewClient(os.Getenv("API_ADDR"), creds)
}

// Near miss: one of the dials leaves the machine.
func Both(port string) error {
	creds := grpc.WithTransportCredentials(credentials.NewTLS(&tls.Config{InsecureSkipVerify: true})) // want `InsecureSkipVerify to true: the server's certificate`
	if _, err := grpc.NewClient("localhost:"+port, creds); err != nil {
		return err
	}
	_, err := grpc.NewClient("api.example.com:443", creds)
	return err
}

// Near miss: the options are handed back for others to dial with.
func Options() []grpc.DialOption {
	opts := []grpc.DialOption{grpc.WithTransportCredentials(credentials.NewTLS(&tls.Config{InsecureSkipVerify: true}))} // want `InsecureSkipVerify to true: the server's certificate`
	grpc.NewClient("localhost:9000", opts...)
	return opts
}

// Near miss: the target variable is changed later.
func Moved(port string) (*grpc.ClientConn, error) {
	target := "localhost:" + port
	if os.Getenv("REMOTE") != "" {
		target = os.Getenv("REMOTE")
	}
	creds := grpc.WithTransportCredentials(credentials.NewTLS(&tls.Config{InsecureSkipVerify: true})) // want `InsecureSkipVerify to true: the server's certificate`
	return grpc.NewClient(target, creds)
}

type client struct{ opts []grpc.DialOption }

// Near miss: the options are kept in a struct.
func (c *client) Keep(port string) {
	opts := []grpc.DialOption{grpc.WithTransportCredentials(credentials.NewTLS(&tls.Config{InsecureSkipVerify: true}))} // want `InsecureSkipVerify to true: the server's certificate`
	grpc.NewClient("localhost:"+port, opts...)
	c.opts = opts
}

func dialWith(addr string, opts ...grpc.DialOption) { grpc.NewClient(addr, opts...) }

// Near miss: the options are handed to a helper.
func Helper(port string) {
	creds := grpc.WithTransportCredentials(credentials.NewTLS(&tls.Config{InsecureSkipVerify: true})) // want `InsecureSkipVerify to true: the server's certificate`
	grpc.NewClient("localhost:"+port, creds)
	dialWith(os.Getenv("ADDR"), creds)
}

// registerHandlerFromEndpoint is grpc-gateway's generated shape: it
// dials endpoint with opts.
func registerHandlerFromEndpoint(ctx context.Context, mux *int, endpoint string, opts []grpc.DialOption) error {
	_, err := grpc.NewClient(endpoint, opts...)
	return err
}

// GatewayRegister hands the options and its own loopback address to
// the generated registration.
func GatewayRegister(ctx context.Context, port string) error {
	opts := []grpc.DialOption{}
	opts = append(opts, grpc.WithTransportCredentials(credentials.NewTLS(&tls.Config{InsecureSkipVerify: true})))
	endpoint := fmt.Sprintf("localhost:%s", port)
	return registerHandlerFromEndpoint(ctx, nil, endpoint, opts)
}

// Near miss: the registration dials an endpoint from the environment.
func GatewayRemote(ctx context.Context) error {
	opts := []grpc.DialOption{grpc.WithTransportCredentials(credentials.NewTLS(&tls.Config{InsecureSkipVerify: true}))} // want `InsecureSkipVerify to true: the server's certificate`
	return registerHandlerFromEndpoint(ctx, nil, os.Getenv("API_ADDR"), opts)
}

type server struct {
	port      int
	customize func(*tls.Config)
	base      func() *tls.Config
}

// GatewayConn sets the config field by field, lets a hook customize it
// first, and dials its own port on localhost.
func (s *server) GatewayConn() (*grpc.ClientConn, error) {
	var opts []grpc.DialOption
	cfg := s.base()
	if s.customize != nil {
		s.customize(cfg)
	}
	cfg.InsecureSkipVerify = true
	creds := credentials.NewTLS(cfg)
	opts = append(opts, grpc.WithTransportCredentials(creds))
	return grpc.NewClient(fmt.Sprintf("localhost:%d", s.port), opts...)
}

// Near miss: the same config, dialled at an address from the environment.
func (s *server) RemoteConn() (*grpc.ClientConn, error) {
	var opts []grpc.DialOption
	cfg := s.base()
	cfg.InsecureSkipVerify = true // want `InsecureSkipVerify to true: the server's certificate`
	creds := credentials.NewTLS(cfg)
	opts = append(opts, grpc.WithTransportCredentials(creds))
	return grpc.NewClient(os.Getenv("API_ADDR"), opts...)
}

// Near miss: the config is also kept in a package variable.
var kept *tls.Config

func (s *server) KeptConn() (*grpc.ClientConn, error) {
	cfg := s.base()
	cfg.InsecureSkipVerify = true // want `InsecureSkipVerify to true: the server's certificate`
	kept = cfg
	return grpc.NewClient(fmt.Sprintf("localhost:%d", s.port), grpc.WithTransportCredentials(credentials.NewTLS(cfg)))
}

// Near miss: the config is handed to a hook after verification is off.
func (s *server) HookAfter() (*grpc.ClientConn, error) {
	cfg := s.base()
	cfg.InsecureSkipVerify = true // want `InsecureSkipVerify to true: the server's certificate`
	s.customize(cfg)
	return grpc.NewClient(fmt.Sprintf("localhost:%d", s.port), grpc.WithTransportCredentials(credentials.NewTLS(cfg)))
}

// Near miss: a second http client also uses the config.
func (s *server) TwoWays() (*grpc.ClientConn, *tls.Conn, error) {
	cfg := s.base()
	cfg.InsecureSkipVerify = true // want `InsecureSkipVerify to true: the server's certificate`
	conn, err := tls.Dial("tcp", os.Getenv("PEER"), cfg)
	if err != nil {
		return nil, nil, err
	}
	cc, err := grpc.NewClient(fmt.Sprintf("localhost:%d", s.port), grpc.WithTransportCredentials(credentials.NewTLS(cfg)))
	return cc, conn, err
}
