// Package status reads service health from the status aggregator over gRPC.
package status

import (
	"context"
	"crypto/tls"
	"net/http"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
)

type tokenCreds struct{ token string }

func (t tokenCreds) GetRequestMetadata(context.Context, ...string) (map[string]string, error) {
	return map[string]string{"authorization": "Bearer " + t.token}, nil
}

func (tokenCreds) RequireTransportSecurity() bool { return false }

// Dial connects to the aggregator of a region.
func Dial(region, token string) (*grpc.ClientConn, error) {
	return grpc.NewClient("status-"+region+".opsbot-infra.net:7443",
		grpc.WithTransportCredentials(insecure.NewCredentials()), // WANT plainhttp P05
		grpc.WithPerRPCCredentials(tokenCreds{token: token}))
}

// DialSidecar connects through the local mesh sidecar, which adds mTLS.
func DialSidecar(token string) (*grpc.ClientConn, error) {
	return grpc.NewClient("127.0.0.1:15001",
		grpc.WithTransportCredentials(insecure.NewCredentials()), // NEAR plainhttp p08
		grpc.WithPerRPCCredentials(tokenCreds{token: token}))
}

// DialTLS connects with TLS.
func DialTLS(addr, token string) (*grpc.ClientConn, error) {
	return grpc.NewClient(addr,
		grpc.WithTransportCredentials(credentials.NewTLS(&tls.Config{MinVersion: tls.VersionTLS12})), // NEAR plainhttp p09
		grpc.WithPerRPCCredentials(tokenCreds{token: token}))
}

// LegacyHTTP is the HTTP client for the old Nagios bridge, whose certificate expired in 2022.
func LegacyHTTP() *http.Client {
	return &http.Client{Transport: &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true}, // WANT plainhttp P06
	}}
}

// ProbeHTTP is used by "opsbot certcheck HOST", which reports certificate expiry
// of hosts whose certificates may be broken.
func ProbeHTTP(insecureFlag bool) *http.Client {
	return &http.Client{Transport: &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: insecureFlag}, // NEAR plainhttp p10
	}}
}
