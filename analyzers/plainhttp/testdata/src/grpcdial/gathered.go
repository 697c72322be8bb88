package grpcdial

import (
	"crypto/tls"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
)

// Options gathered in a local slice and spread into the dial.

// Reported: the insecure transport and the credentials are appended to
// the slice the dial spreads.
func gatheredAppend(addr, tok string) {
	var opts []grpc.DialOption
	opts = append(opts, grpc.WithTransportCredentials(insecure.NewCredentials())) // want `gRPC dial to a run-time target turns transport security off`
	opts = append(opts, grpc.WithPerRPCCredentials(tokenAuth{token: tok}))
	grpc.Dial(addr, opts...)
}

// Reported: the slice's literal holds the insecure option, the
// credentials come in the call.
func gatheredLiteral(tok string) {
	opts := []grpc.DialOption{grpc.WithInsecure(), grpc.WithBlock()} // want `gRPC dial to inventory.example.com:443 turns transport security off`
	grpc.NewClient("inventory.example.com:443", append(opts, grpc.WithPerRPCCredentials(tokenAuth{token: tok}))...)
}

// Reported: credentials appended only when a token is set still travel
// in clear text when they are.
func gatheredCredsIf(addr, tok string) {
	opts := []grpc.DialOption{grpc.WithTransportCredentials(insecure.NewCredentials())} // want `gRPC dial to a run-time target turns transport security off`
	if tok != "" {
		opts = append(opts, grpc.WithPerRPCCredentials(tokenAuth{token: tok}))
	}
	grpc.Dial(addr, opts...)
}

// Near miss: the insecure transport is the operator's choice, made in a
// branch; the other branch uses TLS.
func gatheredChosen(addr, tok string, plaintext bool) {
	var opts []grpc.DialOption
	if plaintext {
		opts = append(opts, grpc.WithTransportCredentials(insecure.NewCredentials()))
	} else {
		opts = append(opts, grpc.WithTransportCredentials(credentials.NewTLS(&tls.Config{MinVersion: tls.VersionTLS12})))
	}
	opts = append(opts, grpc.WithPerRPCCredentials(tokenAuth{token: tok}))
	grpc.Dial(addr, opts...)
}

// Near miss: the slice gathers TLS and credentials.
func gatheredTLS(addr, tok string) {
	opts := []grpc.DialOption{grpc.WithTransportCredentials(credentials.NewTLS(&tls.Config{MinVersion: tls.VersionTLS12}))}
	opts = append(opts, grpc.WithPerRPCCredentials(tokenAuth{token: tok}))
	grpc.Dial(addr, opts...)
}

// Near miss: insecure options gathered, but no credentials attached.
func gatheredNoCreds(addr string) {
	var opts []grpc.DialOption
	opts = append(opts, grpc.WithInsecure(), grpc.WithBlock())
	grpc.Dial(addr, opts...)
}

func baseOptions() []grpc.DialOption {
	return []grpc.DialOption{grpc.WithBlock()}
}

// Reported: the slice starts from another function's options, and the
// insecure transport and the credentials are added to it here.
func gatheredFromBase(addr, tok string) {
	opts := append(baseOptions(), grpc.WithTransportCredentials(insecure.NewCredentials()), grpc.WithPerRPCCredentials(tokenAuth{token: tok})) // want `gRPC dial to a run-time target turns transport security off`
	grpc.Dial(addr, opts...)
}

// Near miss: the base's options are not known; only credentials are
// added here.
func gatheredCredsOnBase(addr, tok string) {
	opts := append(baseOptions(), grpc.WithPerRPCCredentials(tokenAuth{token: tok}))
	grpc.Dial(addr, opts...)
}
