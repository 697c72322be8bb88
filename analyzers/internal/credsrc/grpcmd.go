package credsrc

import "github.com/authvet/authvet/analyzers/internal/credname"

// gRPC metadata is the gRPC form of HTTP headers: a client's per-RPC
// credentials arrive as its "authorization" (or "x-api-key", …) entry,
// read by the server from the incoming context. The same keys decide as
// for http.Header: md.Get("authorization") and md["authorization"] are
// credentials, md.Get("x-request-id") is not. The incoming metadata
// itself, printed whole, carries the caller's credentials like a
// request's headers (http.Request.Header); metadata the program builds
// for an outgoing call holds only what it put in, which is followed.

const pkgGRPCMetadata = "google.golang.org/grpc/metadata"

// grpcMetadataRead recognises the keyed reads of gRPC metadata and the
// incoming metadata of a server call.
func grpcMetadataRead(recv, name string, args Const, result int) (Source, bool) {
	key := func(i int) (string, bool) {
		if args == nil {
			return "", false
		}
		return args(i)
	}
	switch {
	case recv == "MD" && name == "Get" && result == 0:
		if k, ok := key(0); ok && credname.IsCredentialHeader(k) {
			return grpcEntry(k), true
		}
	case recv == "" && name == "ValueFromIncomingContext" && result == 0:
		if k, ok := key(1); ok && credname.IsCredentialHeader(k) {
			return grpcEntry(k), true
		}
	case recv == "" && name == "FromIncomingContext" && result == 0:
		return Source{Kind: credname.Credential, Desc: "incoming gRPC metadata with the caller's authorization entry", Typed: true}, true
	}
	return Source{}, false
}

// grpcEntry describes a credential entry of gRPC metadata.
func grpcEntry(k string) Source {
	src := headerSource(k)
	src.Desc += " (gRPC metadata)"
	return src
}
