// Package upstream dials the gateway's backends.
package upstream

import (
	"context"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"os"

	"github.com/rs/zerolog/log"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
)

// apiKeyCreds attaches the gateway's service key to every call.
type apiKeyCreds struct{ key string }

func (c apiKeyCreds) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) {
	return map[string]string{"x-api-key": c.key}, nil
}

func (c apiKeyCreds) RequireTransportSecurity() bool { return false }

// strictCreds refuses to run over an insecure connection.
type strictCreds struct{ token string }

func (c strictCreds) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) {
	return map[string]string{"authorization": "Bearer " + c.token}, nil
}

func (c strictCreds) RequireTransportSecurity() bool { return true }

const apiKeyHeader = "x-api-key" // NEAR hardcodedcred h17

// Billing dials the billing service in the other region.
func Billing() (*grpc.ClientConn, error) {
	return grpc.NewClient("billing.eu.shopcorp.net:443",
		grpc.WithTransportCredentials(insecure.NewCredentials()), // WANT plainhttp P06
		grpc.WithPerRPCCredentials(apiKeyCreds{key: os.Getenv("BILLING_API_KEY")}))
}

// Inventory dials the inventory service through the mesh sidecar.
func Inventory() (*grpc.ClientConn, error) {
	return grpc.NewClient("inventory.shop.svc:9090",
		grpc.WithTransportCredentials(insecure.NewCredentials())) // NEAR plainhttp p05
}

// LocalAuth dials the auth service run next to the gateway in the same pod.
func LocalAuth() (*grpc.ClientConn, error) {
	return grpc.NewClient("localhost:50051",
		grpc.WithTransportCredentials(insecure.NewCredentials()), // NEAR plainhttp p06
		grpc.WithPerRPCCredentials(apiKeyCreds{key: os.Getenv("AUTH_API_KEY")}))
}

// Search dials the hosted search service.
func Search(token string) (*grpc.ClientConn, error) {
	opts := []grpc.DialOption{
		grpc.WithTransportCredentials(insecure.NewCredentials()), // ALT P07
	}
	opts = append(opts, grpc.WithPerRPCCredentials(apiKeyCreds{key: token}))
	return grpc.NewClient("search.hosted-search.io:443", opts...) // WANT plainhttp P07
}

// Recommendations dials with credentials that insist on TLS (gRPC refuses the insecure dial).
func Recommendations(token string) (*grpc.ClientConn, error) {
	return grpc.NewClient("recs.shopcorp.net:443",
		grpc.WithTransportCredentials(insecure.NewCredentials()), // NEAR plainhttp p07
		grpc.WithPerRPCCredentials(strictCreds{token: token}))
}

// Tax dials the tax provider over TLS.
func Tax(token string) (*grpc.ClientConn, error) {
	return grpc.NewClient("grpc.taxprovider.com:443",
		grpc.WithTransportCredentials(credentials.NewTLS(&tls.Config{MinVersion: tls.VersionTLS12})), // NEAR plainhttp p08
		grpc.WithPerRPCCredentials(strictCreds{token: token}))
}

// Ledger dials the partner bank's ledger; their staging certificate does not match the host name.
func Ledger(token string) (*grpc.ClientConn, error) {
	tc := &tls.Config{InsecureSkipVerify: true} // WANT plainhttp P08
	return grpc.NewClient("ledger.partner-bank.com:443",
		grpc.WithTransportCredentials(credentials.NewTLS(tc)),
		grpc.WithPerRPCCredentials(strictCreds{token: token}))
}

const ledgerPin = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" // NEAR hardcodedcred h18

// LedgerPinned dials the partner bank's production ledger, pinning its certificate.
func LedgerPinned(token string) (*grpc.ClientConn, error) {
	tc := &tls.Config{
		InsecureSkipVerify: true, // NEAR plainhttp p09
		VerifyPeerCertificate: func(raw [][]byte, _ [][]*x509.Certificate) error {
			if len(raw) == 0 {
				return errors.New("no certificate")
			}
			sum := sha256.Sum256(raw[0])
			if hex.EncodeToString(sum[:]) != ledgerPin {
				return errors.New("certificate pin mismatch")
			}
			return nil
		},
	}
	return grpc.NewClient("ledger-prod.partner-bank.com:443",
		grpc.WithTransportCredentials(credentials.NewTLS(tc)),
		grpc.WithPerRPCCredentials(strictCreds{token: token}))
}

// WithFraudKey attaches the fraud service key to an outgoing call.
func WithFraudKey(ctx context.Context) context.Context {
	return metadata.AppendToOutgoingContext(ctx, apiKeyHeader, "fk_live_8fJ2kL9mN3pQ7rS1tV5wX0yZ") // WANT hardcodedcred H11
}

// LogMetadata is a unary server interceptor that logs incoming calls.
func LogMetadata(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	log.Info().Str("method", info.FullMethod).Strs("request_id", md.Get("x-request-id")).Msg("grpc call") // NEAR tokenlog t23
	if auth := md.Get("authorization"); len(auth) > 0 {
		log.Debug().Str("authorization", auth[0]).Msg("grpc caller credentials") // WANT tokenlog T24
	}
	resp, err := handler(ctx, req)
	if err != nil {
		log.Error().Err(err).Interface("metadata", md).Msg("grpc call failed") // WANT tokenlog T25
	}
	return resp, err
}
